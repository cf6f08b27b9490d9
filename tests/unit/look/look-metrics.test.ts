import { describe, expect, it } from 'vitest'
import { belowFloors, FLOORS, measure, type Rgba } from '../../../bench/look/metrics.ts'

const image = (width: number, height: number, px: (x: number, y: number) => [number, number, number]): Rgba => {
  const data = new Uint8Array(width * height * 4)
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const [r, g, b] = px(x, y)
      data.set([r, g, b, 255], (y * width + x) * 4)
    }
  return { width, height, data }
}

describe('look metrics', () => {
  it('a flat grey picture has no spread, no contrast, no colour, and fails every floor', () => {
    const m = measure(image(40, 25, () => [128, 128, 128]))
    expect(m).toEqual({ lumaSpread: 0, rmsContrast: 0, colourfulness: 0 })
    expect(belowFloors(m)).toHaveLength(3)
  })

  it('black and white halves: full spread, RMS contrast 0.5, still colourless', () => {
    const m = measure(image(40, 20, (x) => (x < 20 ? [0, 0, 0] : [255, 255, 255])))
    expect(m.lumaSpread).toBe(255)
    expect(m.rmsContrast).toBeCloseTo(0.5, 3)
    expect(m.colourfulness).toBeCloseTo(0, 6)
    expect(belowFloors(m).map((f) => f.split(' ')[0])).toEqual(['colourfulness'])
  })

  it('red and green halves are colourful (σ of red−green is 255, as Hasler and Süsstrunk define it)', () => {
    const m = measure(image(40, 20, (x) => (x < 20 ? [255, 0, 0] : [0, 255, 0])))
    // rg = ±255 (σ 255, mean 0); yb = 127.5 on both halves (σ 0, mean 127.5): M = 255 + 0.3 × 127.5
    expect(m.colourfulness).toBeCloseTo(255 + 0.3 * 127.5, 6)
    expect(belowFloors(m)).toEqual([])
  })

  it('floors are below every measure of a plain lit scene and above a washed-out one', () => {
    expect(FLOORS.lumaSpread).toBeGreaterThan(0)
    const washed = measure(image(50, 50, (x, y) => [200 + ((x + y) % 10), 200 + ((x + y) % 10), 205]))
    expect(belowFloors(washed).length).toBeGreaterThan(0)
  })
})
