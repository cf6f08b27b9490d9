/**
 * A station in a guide-run class session: the command stream and the safe-point rule, the
 * guide's pause overlay, the station's name in a corner, its setup screen and joining a
 * session by its QR. The pages load lazily; the runtime and overlays are small.
 */
export { setupStation } from './station-runtime.ts'
export type { StationDeps, StationRuntime } from './station-runtime.ts'
export { useLiveStation } from './live-store.ts'
export type { NarrationState } from './live-store.ts'
export { mayActNow, betweenExhibits, betweenSteps } from './safe-points.ts'
export type { Whereabouts } from './safe-points.ts'
export { createCommandClient } from './command-client.ts'
export { HoldOverlay, StationCorner, useHeld } from './station-overlays.tsx'
export { stationText } from './texts.ts'
import './station.css'
export const loadStationPages = () => import('./setup-page.tsx')
