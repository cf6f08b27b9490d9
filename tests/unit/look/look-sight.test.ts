import { describe, expect, it } from 'vitest'
import { ID_COLOURS, idOf } from '../../../src/test-bridge/id-colours.ts'
import type { Rgba } from '../../../bench/look/metrics.ts'
import { best, sight } from '../../../bench/look/visibility.ts'

describe('ID colours', () => {
  it('each colour is read back as itself, also when anti-aliasing darkens it to half', () => {
    ID_COLOURS.forEach(([r, g, b], k) => {
      expect(idOf(r, g, b)).toBe(k)
      expect(idOf(Math.round(r * 0.55), Math.round(g * 0.55), Math.round(b * 0.55))).toBe(k)
    })
  })
  it('black, dark edges and mixed hues are no subject', () => {
    expect(idOf(0, 0, 0)).toBe(-1)
    expect(idOf(100, 0, 0)).toBe(-1)
    expect(idOf(200, 60, 140)).toBe(-1)
  })
})

describe('sight', () => {
  // 10×10 ID render of a 100×100 canvas at (0, 0): subject 0 fills the left half, subject 1 one pixel
  const all: Rgba = { width: 10, height: 10, data: new Uint8Array(400) }
  for (let y = 0; y < 10; y++) for (let x = 0; x < 5; x++) all.data.set([255, 0, 0, 255], (y * 10 + x) * 4)
  all.data.set([0, 255, 0, 255], (9 * 10 + 9) * 4)
  const canvas = { x: 0, y: 0, w: 100, h: 100 }
  const subjects = [
    { name: 'desk', alone: 100, visible: 50 },
    { name: 'bell', alone: 4, visible: 1 },
  ]

  it('shares are of the subject drawn alone: hidden parts and parts under a panel do not count', () => {
    // a panel over the top fifth of the canvas
    const seen = sight(all, subjects, canvas, [{ x: 0, y: 0, w: 100, h: 20 }])
    expect(seen[0]).toEqual({ name: 'desk', alone: 100, visible: 0.5, clear: 0.4 })
    expect(seen[1]).toEqual({ name: 'bell', alone: 4, visible: 0.25, clear: 0.25 })
    expect(best(seen)?.name).toBe('desk')
  })

  it('a panel beside the canvas covers nothing; a step without subjects has no best', () => {
    const seen = sight(all, subjects, canvas, [{ x: 100, y: 0, w: 50, h: 100 }])
    expect(seen.map((s) => s.clear)).toEqual([0.5, 0.25])
    expect(best([])).toBeNull()
  })
})
