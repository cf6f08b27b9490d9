import { describe, expect, it } from 'vitest'
import { BASE_ASPECT, BASE_FOV, flatFov } from '../flat-fov.ts'

/** How far left and right the view reaches, as tan of the horizontal half-angle. */
const halfWidth = (aspect: number) => Math.tan((flatFov(aspect) / 2) * (Math.PI / 180)) * aspect

describe('flatFov', () => {
  it('keeps 70° on views at least 16:9', () => {
    for (const a of [BASE_ASPECT, 2, 21 / 9]) expect(flatFov(a)).toBe(BASE_FOV)
  })

  it('on narrower views (a panel docked beside) spans exactly as wide as a 16:9 view', () => {
    const wide = halfWidth(BASE_ASPECT)
    // down to 1.25:1, where 90° is reached
    for (let a = 1.25; a < BASE_ASPECT; a += 0.05) {
      expect(flatFov(a)).toBeGreaterThan(BASE_FOV)
      expect(halfWidth(a)).toBeCloseTo(wide, 9)
    }
    expect(flatFov(845 / 619)).toBeCloseTo(84.7, 1) // the 1280×800 kiosk's view
  })

  it('never exceeds 90° (a portrait phone would be a fisheye) and tolerates a zero-sized canvas', () => {
    for (const a of [0.3, 0.6, 1]) expect(flatFov(a)).toBe(90)
    expect(flatFov(0)).toBe(BASE_FOV)
    expect(flatFov(Number.NaN)).toBe(BASE_FOV)
  })
})
