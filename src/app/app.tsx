import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react'
import { Route, Switch, useLocation, useRoute, useSearch } from 'wouter'
import { useLangStore, useT } from '../i18n/lang-store.ts'
import { loadCheckInPage, loadGuidePages, loadPassportPage, PassportBadge } from '../features/passport/index.ts'
import { loadCertificatePage } from '../features/certificate/index.ts'
import { loadAdminUsersPage } from '../features/admin-users/index.ts'
import { loadProgrammePage, loadSummaryPage } from '../features/guide-reports/index.ts'
import { loadPairingPage } from '../features/station-pairing/index.ts'
import { loadDashboardPage } from '../features/dashboard/index.ts'
import { loadDistrictPage } from '../features/district/index.ts'
import { Lobby } from './lobby.tsx'
import { registry } from './registry.ts'
import { isGuidePath, paths, patterns } from './routes.ts'
import { useNoticeStore } from './notice-store.ts'
import { confirmPassport, shellServices, ShellExtras, StationPairingNotice, stationAuth, startStationRuntime, useServerStamps } from './shell-services.tsx'
import { HoldOverlay, loadStationPages, StationCorner, useLiveStation, type StationRuntime } from '../features/station/index.ts'
import { loadConsolePages } from '../features/guide-console/index.ts'
import { loadYearlyReportPage } from '../features/yearly-report/index.ts'
import { loadKioskSettingsForm } from '../features/kiosk/index.ts'
import type { Visit } from '../core/visit.ts'
import { StationKiosk } from './station-kiosk.tsx'
import { loadExhibitView } from '../features/exhibit-visit/index.ts'

// three.js, R3F and XR load only when an exhibit opens: the lobby stays small.
const ExhibitView = lazy(async () => {
  const m = await loadExhibitView()
  await m.prepareXR()
  return m
})
// QR scanning (jsQR) and QR generation (qrcode) live in these chunks, not the lobby's.
const CheckInPage = lazy(async () => ({ default: (await loadCheckInPage()).CheckInPage }))
const PassportPage = lazy(async () => ({ default: (await loadPassportPage()).PassportPage }))
const GuidePassportsPage = lazy(async () => ({ default: (await loadGuidePages()).GuidePassportsPage }))
const BatchPrintPage = lazy(async () => ({ default: (await loadGuidePages()).BatchPrintPage }))
const CertificatePage = lazy(async () => ({ default: (await loadCertificatePage()).CertificatePage }))
const AdminUsersPage = lazy(async () => ({ default: (await loadAdminUsersPage()).AdminUsersPage }))
const SessionSummaryPage = lazy(async () => ({ default: (await loadSummaryPage()).SessionSummaryPage }))
const ProgrammePage = lazy(async () => ({ default: (await loadProgrammePage()).ProgrammePage }))
const StationSetupPage = lazy(async () => ({ default: (await loadStationPages()).StationSetupPage }))
const StationJoinPage = lazy(async () => ({ default: (await loadStationPages()).StationJoinPage }))
const GuideConsolePage = lazy(async () => ({ default: (await loadConsolePages()).GuideConsolePage }))
const GuideSessionPage = lazy(async () => ({ default: (await loadConsolePages()).GuideSessionPage }))
const YearlyReportPage = lazy(async () => ({ default: (await loadYearlyReportPage()).YearlyReportPage }))
// ECharts is a further chunk of its own, loaded when the dashboard draws its first chart.
const DashboardPage = lazy(async () => ({ default: (await loadDashboardPage()).DashboardPage }))
const DistrictPage = lazy(async () => ({ default: (await loadDistrictPage()).DistrictPage }))
const KioskSettingsForm = lazy(async () => ({ default: (await loadKioskSettingsForm()).KioskSettingsForm }))

const titles = Object.fromEntries(registry.exhibits.map((e) => [e.id, e.manifest.title]))
const exhibitIds = registry.exhibits.map((e) => e.id)
const absolute = (path: string) => `${location.origin}${path}`

/**
 * This device as a station in class sessions: once it was set up (or joined a session, or
 * opened a station page), starts the command stream and tells it which exhibit page is open.
 * Not on the guide's own tablet pages, and not on a phone that only opened a passport page.
 * Returns ExhibitView's onVisit.
 */
function useStationRuntime(location: string, exhibitId: string | null, go: (path: string) => void) {
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
const PairingPage = lazy(async () => ({ default: (await loadPairingPage()).PairingPage }))

function Header(props: { go(path: string): void }) {
  const t = useT()
  const { lang, setLang } = useLangStore()
  const show = useNoticeStore((s) => s.show)
  return (
    <header className="shell-header">
      {/* named by its visible text (WCAG 2.5.3 label in name): a voice user says what they see */}
      <button className="brand btn-plain" onClick={() => props.go(paths.lobby)}>
        <span className="brand-mark" aria-hidden>
          槐
        </span>
        <div>
          <h1>{t('app.name')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
      </button>
      <div className="shell-tools">
        <PassportBadge
          onCheckIn={() => props.go(paths.checkIn)}
          onOpen={(code) => props.go(paths.passport(code))}
          onCheckedOut={() => {
            show('checkin.checkedOut')
            props.go(paths.lobby)
          }}
        />
        <ShellExtras lang={lang} />
        <button
          className="btn lang"
          data-testid="lang-switch"
          aria-label={`${t('lang.switch')} (${t('lang.label')})`}
          onClick={() => setLang(lang === 'zh-CN' ? 'en' : 'zh-CN')}
        >
          {t('lang.switch')}
        </button>
      </div>
    </header>
  )
}

function Notice() {
  const t = useT()
  const { notice, clear } = useNoticeStore()
  if (!notice) return null
  return (
    <div className="notice" role="alert" data-testid="notice" data-notice={notice}>
      <p>{t(notice)}</p>
      <button className="btn" onClick={clear}>
        {t('notice.close')}
      </button>
    </div>
  )
}

function Page(props: { children: ReactNode }) {
  const t = useT()
  return (
    <Suspense
      fallback={
        <p className="loading" data-testid="page-loading">
          {t('passport.loading')}
        </p>
      }
    >
      {props.children}
    </Suspense>
  )
}

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
      {!exhibitId && (
        <Switch>
          <Route path={paths.lobby}>
            <Lobby go={go} />
          </Route>
          <Route path={paths.checkIn}>
            <Page>
              <CheckInPage confirm={confirmPassport} onDone={() => go(paths.lobby)} onPassport={(code) => go(paths.passport(code))} />
            </Page>
          </Route>
          <Route path={patterns.passport}>
            {(p) => (
              <Page>
                <PassportPage code={p.code} registry={registry} />
              </Page>
            )}
          </Route>
          <Route path={paths.guidePassports}>
            <Page>
              <GuidePassportsPage onIssued={(id) => go(paths.batchPrint(id))} />
            </Page>
          </Route>
          <Route path={patterns.batchPrint}>
            {(p) => (
              <Page>
                <BatchPrintPage batchId={p.batchId} />
              </Page>
            )}
          </Route>
          <Route path={paths.certificate}>
            <Page>
              <CertificatePage />
            </Page>
          </Route>
          <Route path={paths.adminUsers}>
            <Page>
              <AdminUsersPage />
            </Page>
          </Route>
          <Route path={patterns.sessionSummary}>
            {(p) => (
              <Page>
                <SessionSummaryPage sessionId={p.sessionId} search={search} registry={registry} />
              </Page>
            )}
          </Route>
          <Route path={paths.guideProgramme}>
            <Page>
              <ProgrammePage />
            </Page>
          </Route>
          <Route path={paths.guideConsole}>
            <Page>
              <GuideConsolePage
                titles={titles}
                exhibitIds={exhibitIds}
                setupUrl={absolute(paths.stationSetup)}
                onOpenSession={(id) => go(paths.guideSession(id))}
              />
            </Page>
          </Route>
          <Route path={patterns.guideSession}>
            {(p) => (
              <Page>
                <GuideSessionPage
                  sessionId={p.id}
                  titles={titles}
                  joinUrl={(code) => absolute(paths.stationJoin(code))}
                  onSummary={(id) => go(paths.sessionSummary(id))}
                />
              </Page>
            )}
          </Route>
          <Route path={paths.stationSetup}>
            <Page>
              <StationSetupPage
                stationId={stationAuth.stationId}
                stationToken={stationAuth.token}
                exhibits={registry.exhibits.map((e) => ({ id: e.id, title: e.manifest.title }))}
                onJoined={() => go(paths.lobby)}
              >
                <KioskSettingsForm />
              </StationSetupPage>
            </Page>
          </Route>
          <Route path={patterns.stationJoin}>
            {(p) => (
              <Page>
                <StationJoinPage code={p.code} stationToken={stationAuth.token} onJoined={() => go(paths.lobby)} />
              </Page>
            )}
          </Route>
          <Route path={paths.yearlyReportHome}>
            <Page>
              <YearlyReportPage year={String(new Date().getFullYear())} onYear={(y) => go(paths.yearlyReport(y))} />
            </Page>
          </Route>
          <Route path={patterns.yearlyReport}>
            {(p) => (
              <Page>
                <YearlyReportPage year={p.year} onYear={(y) => go(paths.yearlyReport(y))} />
              </Page>
            )}
          </Route>
          <Route path={paths.stationPairing}>
            <Page>
              <PairingPage />
            </Page>
          </Route>
          <Route path={paths.dashboard}>
            <Page>
              <DashboardPage search={search} registry={registry} go={go} />
            </Page>
          </Route>
          <Route path={paths.district}>
            <Page>
              <DistrictPage />
            </Page>
          </Route>
          <Route>
            <Lobby go={go} />
          </Route>
        </Switch>
      )}
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
