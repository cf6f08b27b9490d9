/**
 * Medians and percentiles of completion times from the district's histograms: the district
 * keeps each exhibit's times per whole second (monthly_duration_counts), so the figures are
 * read off the counts, the same rules as the center's exact ones (dashboard/aggregates.ts).
 */
/** The value at a 1-based rank of an ascending histogram of whole seconds, in ms. */
function atRank(hist: readonly [number, number][], rank: number): number {
  let seen = 0
  for (const [s, n] of hist) {
    seen += n
    if (seen >= rank) return s * 1000
  }
  return (hist.at(-1)?.[0] ?? 0) * 1000
}
const total = (hist: readonly [number, number][]) => hist.reduce((a, [, n]) => a + n, 0)
/** As dashboard/aggregates.ts `median`, on times kept to the whole second. */
export function histMedian(hist: readonly [number, number][]): number | null {
  const n = total(hist)
  if (n === 0) return null
  return n % 2 ? atRank(hist, (n + 1) / 2) : (atRank(hist, n / 2) + atRank(hist, n / 2 + 1)) / 2
}
/** As dashboard/aggregates.ts `percentile` (nearest rank), on times kept to the whole second. */
export function histPercentile(hist: readonly [number, number][], p: number): number | null {
  const n = total(hist)
  return n === 0 ? null : atRank(hist, Math.max(1, Math.ceil((p / 100) * n)))
}
