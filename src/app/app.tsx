import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react'
import { Route, Switch, useLocation, useRoute, useSearch } from 'wouter'
import { useLangStore, useT } from '../i18n/lang-store.ts'
import { loadCheckInPage, loadGuidePages, loadPassportPage, PassportBadge } from '../features/passport/index.ts'
import { loadCertificatePage } from '../features/certificate/index.ts'
import { loadAdminUsersPage } from '../features/admin-users/index.ts'
import { loadProgrammePage, loadSummaryPage } from '../features/guide-reports/index.ts'
import { Lobby } from './lobby.tsx'
import { registry } from './registry.ts'
import { paths, patterns } from './routes.ts'
import { useNoticeStore } from './notice-store.ts'
import { confirmPassport, shellServices, ShellExtras, useServerStamps } from './shell-services.tsx'

// three.js, R3F and XR load only when an exhibit opens: the lobby stays small.
const ExhibitView = lazy(async () => {
  const m = await (await import('../features/exhibit-visit/index.ts')).loadExhibitView()
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

function Header(props: { go(path: string): void }) {
  const t = useT()
  const { lang, setLang } = useLangStore()
  const show = useNoticeStore((s) => s.show)
  return (
    <header className="shell-header">
      <button className="brand btn-plain" onClick={() => props.go(paths.lobby)} aria-label={t('lobby.title')}>
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
        <button className="btn lang" data-testid="lang-switch" aria-label={t('lang.label')} onClick={() => setLang(lang === 'zh-CN' ? 'en' : 'zh-CN')}>
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
  return (
    <div className={`shell ${exhibitId ? 'in-exhibit' : 'in-lobby'}`}>
      <Header go={go} />
      <Notice />
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
            onFailure={(kind) => {
              show(kind === 'crashed' ? 'exhibit.crashed' : kind === 'notFound' ? 'exhibit.notFound' : 'exhibit.loadFailed')
              go(paths.lobby)
            }}
          />
        </Suspense>
      )}
    </div>
  )
}
