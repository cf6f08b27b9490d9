/**
 * Runs in the page before its scripts (context.addInitScript): Math.random becomes mulberry32
 * with a fixed seed, so whatever an exhibit scatters while it loads (debris, particles, item
 * order) lands in the same place on every run. The look check reseeds it for each step
 * (src/test-bridge/look.ts, the same generator).
 */
export function seedMathRandom(seed: number): void {
  let a = seed >>> 0
  Math.random = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
