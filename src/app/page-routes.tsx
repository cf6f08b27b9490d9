import { Route, Switch } from 'wouter'
import { Lobby } from './lobby.tsx'
import { registry } from './registry.ts'
import { paths, patterns } from './routes.ts'
import { confirmPassport, stationAuth } from './shell-services.tsx'
import {
  AdminUsersPage,
  BatchPrintPage,
  CertificatePage,
  CheckInPage,
  DashboardPage,
  DistrictPage,
  GuideConsolePage,
  GuidePassportsPage,
  GuideSessionPage,
  KioskSettingsForm,
  Page,
  PairingPage,
  PassportPage,
  ProgrammePage,
  SessionSummaryPage,
  StationJoinPage,
  StationSetupPage,
  YearlyReportPage,
} from './pages.tsx'

const titles = Object.fromEntries(registry.exhibits.map((e) => [e.id, e.manifest.title]))
const exhibitIds = registry.exhibits.map((e) => e.id)
const absolute = (path: string) => `${location.origin}${path}`

/** Titles of the registered exhibits by id, for pages that name exhibits. */
export const exhibitTitles = titles

/** Every page that is not an exhibit: lobby, passport, guide, station and admin pages. */
export function PageRoutes(props: { go(path: string): void; search: string }) {
  const { go, search } = props
  return (
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
  )
}
