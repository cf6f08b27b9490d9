/** The look check's ID renders (look.ts): flat colours for a step's subjects, and reading them back. No imports: Node reads them too. */

/** ID colours: none is a blend of black and another, so anti-aliased edges never pass for a different subject. */
export const ID_COLOURS: readonly (readonly [number, number, number])[] = [
  [255, 0, 0],
  [0, 255, 0],
  [0, 0, 255],
  [255, 255, 0],
  [0, 255, 255],
  [255, 0, 255],
  [255, 255, 255],
  [255, 128, 0],
  [128, 255, 0],
  [0, 128, 255],
  [255, 0, 128],
  [128, 0, 255],
]

const level = (v: number, max: number) => (v * 2 < max * 0.5 ? 0 : v * 2 < max * 1.5 ? 128 : 255)
const ID_INDEX = new Map(ID_COLOURS.map(([r, g, b], k) => [(r << 16) | (g << 8) | b, k]))

/**
 * The ID colour a pixel shows (its index in ID_COLOURS), or -1. Anti-aliasing blends a thin
 * subject's edge pixels with black: a pixel counts when at least half covered (its brightest
 * channel ≥ 128) and its hue, scaled back to full brightness, is one of the ID colours.
 */
export function idOf(r: number, g: number, b: number): number {
  const max = Math.max(r, g, b)
  if (max < 128) return -1
  return ID_INDEX.get((level(r, max) << 16) | (level(g, max) << 8) | level(b, max)) ?? -1
}
