import { useEffect, type RefObject } from 'react'
import { applyPendingUpdate } from '../features/pwa/index.ts'
import type { Visit } from '../core/visit.ts'
import { emitIdleReset, KioskLayer, useKioskOn, type Busy } from '../features/kiosk/index.ts'
import { useStationPassport } from '../features/passport/index.ts'
import { useLiveStation } from '../features/station/index.ts'
import { coverOf } from './covers.ts'
import { registry } from './registry.ts'
import { paths } from './routes.ts'
import { isNarrating, stopAllAudio } from './shell-services.tsx'

const attract = registry.exhibits.map((e) => ({ id: e.id, title: e.manifest.title, stamp: e.manifest.stamp, cover: coverOf(e.id) }))

/** Pages a student must not reach on a kiosk: the guide's and admin's, and this station's setup. */
const staffOnly = (path: string) => /^\/(guide|admin|station)(\/|$)/.test(path)

/**
 * The kiosk feature wired to this shell: what holds an idle reset back (narration, an answer's
 * explanation on screen, the guide's pause), what a reset does, and in kiosk mode the staff pages
 * sent back to the lobby.
 */
export function StationKiosk(props: { location: string; go(path: string): void; visit: RefObject<Visit | null> }) {
  const { location, go, visit } = props
  const kiosk = useKioskOn()
  const kind = useLiveStation((s) => s.profile?.kind ?? null)
  useEffect(() => {
    if (kiosk && staffOnly(location)) go(paths.lobby)
  }, [kiosk, location, go])

  const busy = (): Busy => {
    // The exhibit is loading: the app is at work, not the student gone (idle time restarts when it is ready).
    if (location.startsWith('/exhibit/') && !visit.current) return 'loading'
    if (isNarrating()) return 'narration'
    if (visit.current && visit.current.run.getState().state.feedback !== null) return 'explanation'
    if (useLiveStation.getState().held) return 'held'
    return null
  }
  return (
    <KioskLayer
      kind={kind}
      onLobby={location === paths.lobby}
      busy={busy}
      attract={attract}
      reset={{
        exitExhibit() {
          const v = visit.current
          go(paths.lobby)
          // Recorded as `idle` now; the page's own teardown then finds the visit already ended.
          v?.dispose('idle')
        },
        checkOut: () => useStationPassport.getState().checkOut(),
        stopAudio: stopAllAudio,
        betweenVisitors() {
          emitIdleReset()
          // A new version waiting is applied now, between visitors, also when the reset
          // happens at the lobby (a navigation to the lobby applies it by itself).
          applyPendingUpdate()
        },
      }}
    />
  )
}
