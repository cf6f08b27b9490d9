/**
 * The seed's only source of chance: a small PRNG (mulberry32) so that `--seed N` gives the
 * same rows every time. Ids come from it too, never from crypto, for the same reason.
 */
export interface Rng {
  next(): number
  int(min: number, maxInclusive: number): number
  pick<T>(xs: readonly T[]): T
  chance(p: number): boolean
  /** Normal(mean, sd) via Box–Muller, for durations around a manifest's minutes. */
  normal(mean: number, sd: number): number
  weighted<T>(xs: readonly (readonly [T, number])[]): T
  bytes(n: number): Uint8Array<ArrayBuffer>
  /** A valid UUIDv7 whose timestamp is `ms` (the recorder's ids sort by time as well). */
  uuidv7(ms: number): string
  /** A UUIDv4-shaped id with a fixed prefix, so seeded stations, batches and sessions are recognisable. */
  markedUuid(): string
}

/** Prefix of every seeded station, batch and session id (48 bits: a random UUID matches it once in 2^48). */
export const SEED_ID_PREFIX = '5eed5eed-5eed-'

const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('')

export function createRng(seed: number): Rng {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const bytes = (n: number) => {
    const b = new Uint8Array(n)
    for (let i = 0; i < n; i++) b[i] = int(0, 255)
    return b
  }
  return {
    next,
    int,
    pick: (xs) => xs[Math.floor(next() * xs.length)]!,
    chance: (p) => next() < p,
    normal: (mean, sd) => mean + sd * Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    weighted(xs) {
      let r = next() * xs.reduce((s, [, w]) => s + w, 0)
      for (const [x, w] of xs) if ((r -= w) < 0) return x
      return xs[xs.length - 1]![0]
    },
    bytes,
    uuidv7(ms) {
      const b = bytes(16)
      for (let i = 0; i < 6; i++) b[i] = Math.floor(ms / 2 ** (8 * (5 - i))) & 0xff
      b[6] = 0x70 | (b[6]! & 0x0f)
      b[8] = 0x80 | (b[8]! & 0x3f)
      const h = hex(b)
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
    },
    markedUuid() {
      const h = hex(bytes(9))
      return `${SEED_ID_PREFIX}4${h.slice(0, 3)}-${'89ab'[int(0, 3)]}${h.slice(3, 6)}-${h.slice(6, 18)}`
    },
  }
}
