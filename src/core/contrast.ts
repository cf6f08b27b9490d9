/**
 * WCAG 2.x contrast of sign and panel colours (text against what is behind it). Hex colours
 * only (`#rgb` or `#rrggbb`): the pairs are declared data, checked by a unit test.
 */
export interface SignColors {
  /** colour of the letters */
  text: string
  /** the panel behind them, or the text's outline colour when it floats over the scene */
  background: string
}

/** Relative luminance (WCAG 2.x) of a `#rgb` / `#rrggbb` colour. */
export function luminance(hex: string): number {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex)
  if (!m) throw new Error(`not a hex colour: ${hex}`)
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!
  const [r, g, b] = [0, 2, 4].map((i) => {
    const x = parseInt(h.slice(i, i + 2), 16) / 255
    return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

/** Contrast ratio 1..21; WCAG AA wants ≥ 4.5 for normal text. Symmetric in its arguments. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}
