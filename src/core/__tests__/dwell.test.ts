import { describe, expect, it } from 'vitest'
import { createDwell } from '../dwell.ts'

describe('gaze dwell', () => {
  it('presses a target once after looking at it long enough', () => {
    const d = createDwell<string>(1000)
    expect(d.update('a', 16)).toBeNull()
    expect(d.update('a', 600)).toBeNull()
    expect(d.progress).toBeCloseTo(0.6)
    expect(d.update('a', 400)).toBe('a')
    expect(d.update('a', 2000)).toBeNull()
    expect(d.progress).toBe(0)
  })
  it('looking away resets the timer; looking back starts again', () => {
    const d = createDwell<string>(1000)
    d.update('a', 0)
    d.update('a', 900)
    expect(d.update('b', 16)).toBeNull()
    expect(d.update('b', 900)).toBeNull()
    expect(d.update(null, 16)).toBeNull()
    d.update('a', 0)
    expect(d.update('a', 999)).toBeNull()
    expect(d.update('a', 1)).toBe('a')
  })
})
