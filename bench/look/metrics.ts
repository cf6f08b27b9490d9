/**
 * Absolute measures of a thumbnail, floors the look check holds every step to: a scene can drift
 * from its approved picture on purpose (then it is approved again), but it must never become a
 * flat grey, a murky blur or a colourless wash for a child at a kiosk.
 */

/** An RGBA image, top row first (what the page's readPixels and sharp's raw output give). */
export interface Rgba {
  width: number
  height: number
  data: Uint8Array | Uint8ClampedArray
}

export interface LookMetrics {
  /** 95th minus 5th percentile of luma (0–255): how far the picture reaches from dark to light */
  lumaSpread: number
  /** standard deviation of luma / 255 (RMS contrast) */
  rmsContrast: number
  /** Hasler and Süsstrunk's colourfulness M (2003): ~15 "slightly", ~33 "moderately", ~45 "averagely colourful" */
  colourfulness: number
}

/** Floors per thumbnail; docs/look-check.md says how they were chosen. */
export const FLOORS: LookMetrics = { lumaSpread: 60, rmsContrast: 0.08, colourfulness: 12 }

/** Rec. 709 luma of gamma-encoded values, as a viewer judges brightness on screen. */
const luma = (r: number, g: number, b: number) => 0.2126 * r + 0.7152 * g + 0.0722 * b

export function measure(img: Rgba): LookMetrics {
  const n = img.width * img.height
  if (n === 0) return { lumaSpread: 0, rmsContrast: 0, colourfulness: 0 }
  const hist = new Uint32Array(256)
  let sumY = 0,
    sumY2 = 0,
    sumRg = 0,
    sumRg2 = 0,
    sumYb = 0,
    sumYb2 = 0
  const d = img.data
  for (let i = 0; i < n * 4; i += 4) {
    const r = d[i]!,
      g = d[i + 1]!,
      b = d[i + 2]!
    const y = luma(r, g, b)
    hist[Math.min(255, Math.round(y))]!++
    sumY += y
    sumY2 += y * y
    const rg = r - g
    const yb = 0.5 * (r + g) - b
    sumRg += rg
    sumRg2 += rg * rg
    sumYb += yb
    sumYb2 += yb * yb
  }
  const pct = (p: number) => {
    const want = p * n
    let acc = 0
    for (let v = 0; v < 256; v++) if ((acc += hist[v]!) >= want) return v
    return 255
  }
  const variance = (s: number, s2: number) => Math.max(0, s2 / n - (s / n) ** 2)
  const mRg = sumRg / n,
    mYb = sumYb / n
  return {
    lumaSpread: pct(0.95) - pct(0.05),
    rmsContrast: Math.sqrt(variance(sumY, sumY2)) / 255,
    colourfulness: Math.sqrt(variance(sumRg, sumRg2) + variance(sumYb, sumYb2)) + 0.3 * Math.sqrt(mRg * mRg + mYb * mYb),
  }
}

/** The measures under their floors, as sentences for the report ([] when all pass). */
export function belowFloors(m: LookMetrics, floors: LookMetrics = FLOORS): string[] {
  const out: string[] = []
  if (m.lumaSpread < floors.lumaSpread) out.push(`luma spread ${m.lumaSpread} < ${floors.lumaSpread} (too flat: dark and light parts too alike)`)
  if (m.rmsContrast < floors.rmsContrast) out.push(`RMS contrast ${m.rmsContrast.toFixed(3)} < ${floors.rmsContrast}`)
  if (m.colourfulness < floors.colourfulness) out.push(`colourfulness ${m.colourfulness.toFixed(1)} < ${floors.colourfulness} (a grey wash)`)
  return out
}
