import { describe, expect, it } from 'vitest'
import { pickFrameRate } from '../frame-rate.ts'

describe('pickFrameRate (headset refresh rate)', () => {
  it('prefers 90 Hz, then 72 Hz, never the 120 Hz maximum', () => {
    expect(pickFrameRate([72, 90, 120])).toBe(90)
    expect(pickFrameRate([60, 72, 120])).toBe(72)
    expect(pickFrameRate([60, 80, 120])).toBe(80)
    expect(pickFrameRate([120, 144])).toBe(120)
    expect(pickFrameRate([])).toBe(false)
  })
})
