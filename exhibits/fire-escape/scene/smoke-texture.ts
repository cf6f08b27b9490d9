import { DataTexture, LinearFilter, RGBAFormat, SRGBColorSpace } from 'three'

const SIZE = 64

/**
 * A soft, lumpy puff of smoke made in code (no image file, nothing to license): white, with
 * alpha = a round fall-off times two octaves of smoothed value noise. A DataTexture, so it is
 * made the same way in a browser, a headset and the jsdom tests. The caller disposes it.
 */
export function smokeTexture(seed: number): DataTexture {
  let a = seed
  const rnd = () => ((a = (a * 16807) % 2147483647) - 1) / 2147483646
  const grid = (n: number) => Array.from({ length: (n + 1) * (n + 1) }, rnd)
  const octaves = [
    { n: 4, w: 0.65, g: grid(4) },
    { n: 8, w: 0.35, g: grid(8) },
  ]
  const smooth = (t: number) => t * t * (3 - 2 * t)
  const noise = (x: number, y: number) =>
    octaves.reduce((sum, { n, w, g }) => {
      const fx = x * n
      const fy = y * n
      const i = Math.min(n - 1, Math.floor(fx))
      const j = Math.min(n - 1, Math.floor(fy))
      const u = smooth(fx - i)
      const v = smooth(fy - j)
      const at = (ii: number, jj: number) => g[jj * (n + 1) + ii]!
      const top = at(i, j) * (1 - u) + at(i + 1, j) * u
      const bottom = at(i, j + 1) * (1 - u) + at(i + 1, j + 1) * u
      return sum + w * (top * (1 - v) + bottom * v)
    }, 0)
  const data = new Uint8Array(SIZE * SIZE * 4)
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const dx = (x + 0.5) / SIZE - 0.5
      const dy = (y + 0.5) / SIZE - 0.5
      const r = Math.min(1, Math.sqrt(dx * dx + dy * dy) * 2)
      const falloff = (1 - r * r) ** 2
      const alpha = falloff * (0.45 + 0.75 * noise((x + 0.5) / SIZE, (y + 0.5) / SIZE))
      const k = (y * SIZE + x) * 4
      data[k] = data[k + 1] = data[k + 2] = 255
      data[k + 3] = Math.round(Math.min(1, alpha) * 255)
    }
  }
  const tex = new DataTexture(data, SIZE, SIZE, RGBAFormat)
  tex.colorSpace = SRGBColorSpace
  tex.magFilter = LinearFilter
  tex.minFilter = LinearFilter
  tex.needsUpdate = true
  return tex
}
