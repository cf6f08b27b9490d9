import { useEffect, useRef } from 'react'
import { isGuidePath } from './routes.ts'
import { startStationRuntime } from './shell-services.tsx'
import { useLiveStation, type StationRuntime } from '../features/station/index.ts'

/**
 * This device as a station in class sessions: once it was set up (or joined a session, or
 * opened a station page), starts the command stream and tells it which exhibit page is open.
 * Not on the guide's own tablet pages, and not on a phone that only opened a passport page.
 * Returns ExhibitView's onVisit.
 */
export function useStationRuntime(location: string, exhibitId: string | null, go: (path: string) => void) {
  const runtime = useRef<StationRuntime | null>(null)
  const current = useRef(exhibitId)
  const guideTablet = isGuidePath(location)
  const station = useLiveStation((s) => s.profile !== null || s.sessionId !== null) || location.startsWith('/station/')
  useEffect(() => {
    if (!guideTablet && station) runtime.current ??= startStationRuntime(go)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- started once; `go` only navigates
  }, [guideTablet, station])
  useEffect(() => {
    current.current = exhibitId
    runtime.current?.observe(exhibitId, null)
  }, [exhibitId])
  return { active: !guideTablet && station, onVisit: (visit: Parameters<StationRuntime['observe']>[1]) => runtime.current?.observe(current.current, visit) }
}
