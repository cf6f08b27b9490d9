/**
 * Headsets: 90 Hz where offered, else 72 Hz — not the 120 Hz 'high' default (heat, battery, budget).
 * Its own module (no @react-three/xr import) so it is tested without mocking the XR library.
 */
export function pickFrameRate(supported: ArrayLike<number>): number | false {
  const rates = Array.from(supported)
  if (rates.length === 0) return false
  if (rates.includes(90)) return 90
  if (rates.includes(72)) return 72
  const under = rates.filter((r) => r <= 90)
  return under.length ? Math.max(...under) : Math.min(...rates)
}
