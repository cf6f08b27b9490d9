import { DataTexture, LinearFilter, RGBAFormat, SRGBColorSpace } from 'three'

/** The sprite shapes `particleTexture` draws. */
export type ParticleShape = 'soft' | 'flame' | 'streak'

const smooth = (e0: number, e1: number, x: number) => {
  const t = Math.min(1, Math.max(0, (x - e0) / (e1 - e0)))
  return t * t * (3 - 2 * t)
}

/**
 * Alpha (and for a flame, a white-hot core) of one texel; u, v in -1..1, v up.
 * soft: a round puff (spray, splashes); flame: a tongue, round at the base and pointed at the
 * top, whiter inside; streak: a thin rain streak, brightest in the middle.
 */
function texel(shape: ParticleShape, u: number, v: number): [number, number] {
  if (shape === 'soft') {
    const r = Math.hypot(u, v)
    return [1, (1 - smooth(0.15, 1, r)) ** 1.5]
  }
  if (shape === 'streak') {
    const across = 1 - smooth(0.1, 1, Math.abs(u))
    const along = 1 - smooth(0.3, 1, Math.abs(v))
    return [1, across * along]
  }
  // the flame narrows as it rises: the width at height v goes from full (v = -0.4) to 0 (v = 1)
  const w = v < -0.4 ? Math.sqrt(Math.max(0, 1 - ((v + 0.4) / 0.6) ** 2)) : (1 - (v + 0.4) / 1.4) ** 0.8
  const r = w > 0 ? Math.abs(u) / w : 2
  const a = (1 - smooth(0.35, 1, r)) * (v < -0.4 ? 1 : 1 - smooth(0.6, 1, v))
  const core = (1 - smooth(0, 0.6, r)) * (1 - smooth(-0.2, 0.6, v))
  return [0.55 + 0.45 * core, a]
}

/**
 * A particle sprite drawn in code (no image file, no network): the same bytes every time, made
 * here by this function and released as CC0 (public domain) with the rest of this file's output.
 * White (a flame's core whitest) with the shape in alpha: the batch's per-particle tint colours
 * it. 64×64, about 16 KB of texture memory. Pass it to `createBillboards`, which disposes it.
 */
export function particleTexture(shape: ParticleShape, size = 64): DataTexture {
  const data = new Uint8Array(size * size * 4)
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const [l, a] = texel(shape, ((x + 0.5) / size) * 2 - 1, ((y + 0.5) / size) * 2 - 1)
      const o = (y * size + x) * 4
      const g = Math.round(255 * l)
      data[o] = 255
      data[o + 1] = g
      data[o + 2] = g
      data[o + 3] = Math.round(255 * a)
    }
  }
  const tex = new DataTexture(data, size, size, RGBAFormat)
  tex.colorSpace = SRGBColorSpace
  tex.magFilter = LinearFilter
  tex.minFilter = LinearFilter
  tex.needsUpdate = true
  return tex
}
