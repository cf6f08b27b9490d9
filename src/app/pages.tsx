import { lazy, Suspense, useState, type ComponentProps, type ReactNode } from 'react'
import { useT } from '../i18n/lang-store.ts'
import { loadCheckInPage, loadGuidePages, loadPassportPage } from '../features/passport/index.ts'
import { loadCertificatePage } from '../features/certificate/index.ts'
import { loadAdminUsersPage } from '../features/admin-users/index.ts'
import { loadProgrammePage, loadSummaryPage } from '../features/guide-reports/index.ts'
import { loadPairingPage } from '../features/station-pairing/index.ts'
import { loadDashboardPage } from '../features/dashboard/index.ts'
import { loadDistrictPage } from '../features/district/index.ts'
import { loadStationPages } from '../features/station/index.ts'
import { loadConsolePages } from '../features/guide-console/index.ts'
import { loadYearlyReportPage } from '../features/yearly-report/index.ts'
import { loadKioskSettingsForm } from '../features/kiosk/index.ts'
import { loadExhibitView } from '../features/exhibit-visit/index.ts'

// Every page but the lobby is its own chunk, loaded when its route first opens.
// three.js, R3F and XR load only when an exhibit opens: the lobby stays small.
export const ExhibitView = lazy(async () => {
  const m = await loadExhibitView()
  await m.prepareXR()
  return m
})
// QR scanning (jsQR) and QR generation (qrcode) live in these chunks, not the lobby's.
export const CheckInPage = lazy(async () => ({ default: (await loadCheckInPage()).CheckInPage }))
export const PassportPage = lazy(async () => ({ default: (await loadPassportPage()).PassportPage }))
export const GuidePassportsPage = lazy(async () => ({ default: (await loadGuidePages()).GuidePassportsPage }))
export const BatchPrintPage = lazy(async () => ({ default: (await loadGuidePages()).BatchPrintPage }))
export const CertificatePage = lazy(async () => ({ default: (await loadCertificatePage()).CertificatePage }))
export const AdminUsersPage = lazy(async () => ({ default: (await loadAdminUsersPage()).AdminUsersPage }))
export const SessionSummaryPage = lazy(async () => ({ default: (await loadSummaryPage()).SessionSummaryPage }))
export const ProgrammePage = lazy(async () => ({ default: (await loadProgrammePage()).ProgrammePage }))
export const StationSetupPage = lazy(async () => ({ default: (await loadStationPages()).StationSetupPage }))
export const StationJoinPage = lazy(async () => ({ default: (await loadStationPages()).StationJoinPage }))
export const GuideConsolePage = lazy(async () => ({ default: (await loadConsolePages()).GuideConsolePage }))
export const GuideSessionPage = lazy(async () => ({ default: (await loadConsolePages()).GuideSessionPage }))
export const YearlyReportPage = lazy(async () => ({ default: (await loadYearlyReportPage()).YearlyReportPage }))
// ECharts is a further chunk of its own, loaded when the dashboard opens signed in.
const LazyDashboardPage = lazy(async () => ({ default: (await loadDashboardPage()).DashboardPage }))
let dashboardModule: Awaited<ReturnType<typeof loadDashboardPage>> | null = null
/** Loads the dashboard's chunk so that its first render does not suspend (main.tsx, opened by address). */
export const preloadDashboardPage = (): Promise<void> =>
  loadDashboardPage().then((m) => {
    dashboardModule = m
  })
/** The dashboard: rendered at once when preloaded, else lazily; chosen once, so the page never remounts. */
export function DashboardPage(props: ComponentProps<typeof LazyDashboardPage>) {
  const [Component] = useState(() => dashboardModule?.DashboardPage ?? LazyDashboardPage)
  return <Component {...props} />
}
export const DistrictPage = lazy(async () => ({ default: (await loadDistrictPage()).DistrictPage }))
export const KioskSettingsForm = lazy(async () => ({ default: (await loadKioskSettingsForm()).KioskSettingsForm }))
export const PairingPage = lazy(async () => ({ default: (await loadPairingPage()).PairingPage }))

/** A lazily loaded page with the shell's loading line while its chunk arrives. */
export function Page(props: { children: ReactNode }) {
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
