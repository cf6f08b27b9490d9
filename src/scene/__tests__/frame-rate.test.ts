import { describe, expect, it, vi } from 'vitest'

vi.mock('@react-three/xr', () => ({ createXRStore: () => ({}) }))
const { pickFrameRate } = await import('../xr-store.ts')

describe('pickFrameRate (headset refresh rate)', () => {
  it('prefers 90 Hz, then 72 Hz, never the 120 Hz maximum', () => {
    expect(pickFrameRate([72, 90, 120])).toBe(90)
    expect(pickFrameRate([60, 72, 120])).toBe(72)
    expect(pickFrameRate([60, 80, 120])).toBe(80)
    expect(pickFrameRate([120, 144])).toBe(120)
    expect(pickFrameRate([])).toBe(false)
  })
})
