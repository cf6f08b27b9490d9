import { Suspense, useEffect, useRef, useState } from 'react'
import { useLocation, useRoute, useSearch } from 'wouter'
import { useLangStore, useT } from '../i18n/lang-store.ts'
import { registry } from './registry.ts'
import { paths, patterns } from './routes.ts'
import { useNoticeStore } from './notice-store.ts'
import { shellServices, StationPairingNotice, useServerStamps } from './shell-services.tsx'
import { HoldOverlay, StationCorner } from '../features/station/index.ts'
import type { Visit } from '../core/visit.ts'
import { StationKiosk } from './station-kiosk.tsx'
import { Header, Notice } from './header.tsx'
import { ExhibitView } from './pages.tsx'
import { exhibitTitles as titles, PageRoutes } from './page-routes.tsx'
import { useStationRuntime } from './station-runtime.ts'

export function App() {
  const [location, navigate] = useLocation()
  const search = useSearch()
  const [inExhibit, params] = useRoute<{ id: string }>(patterns.exhibit)
  const lang = useLangStore((s) => s.lang)
  const show = useNoticeStore((s) => s.show)
  const t = useT()
  const go = (path: string) => navigate(path)
  // The stage is mounted on the first exhibit visit and then kept (one WebGL context).
  // A latch derived from the route, set during render as React documents for derived state.
  const [stageWanted, setStageWanted] = useState(inExhibit)
  if (inExhibit && !stageWanted) setStageWanted(true)
  useEffect(() => {
    document.documentElement.lang = lang
  }, [lang])
  useServerStamps(location === paths.lobby)

  const exhibitId = inExhibit ? params.id : null
  const station = useStationRuntime(location, exhibitId, go)
  const visit = useRef<Visit | null>(null)
  return (
    <div className={`shell ${exhibitId ? 'in-exhibit' : 'in-lobby'}`}>
      <Header go={go} />
      <Notice />
      {/* Not over an exhibit (it keeps recording) nor on staff pages (a guide's tablet is not a station at work). */}
      {!exhibitId && !/^\/(guide|admin)(\/|$)/.test(location) && <StationPairingNotice lang={lang} />}
      {!exhibitId && <PageRoutes go={go} search={search} />}
      {stageWanted && (
        <Suspense
          fallback={
            <div className="loading" role="progressbar" data-testid="loading">
              <p>{t('exhibit.loading', { pct: 0 })}</p>
            </div>
          }
        >
          <ExhibitView
            id={exhibitId}
            lang={lang}
            registry={registry}
            services={shellServices}
            onLobby={() => go(paths.lobby)}
            onVisit={(v) => {
              visit.current = v
              station.onVisit(v)
            }}
            onFailure={(kind) => {
              show(kind === 'crashed' ? 'exhibit.crashed' : kind === 'notFound' ? 'exhibit.notFound' : 'exhibit.loadFailed')
              go(paths.lobby)
            }}
          />
        </Suspense>
      )}
      <StationKiosk location={location} go={go} visit={visit} />
      {station.active && (
        <>
          <StationCorner titleOf={(id, l) => titles[id]?.[l] ?? id} />
          <HoldOverlay />
        </>
      )}
    </div>
  )
}
