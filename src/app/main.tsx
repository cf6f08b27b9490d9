import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app.tsx'
import { legacyHashRedirect, paths } from './routes.ts'
import { hydrateStationPassport, loadGuideSession } from '../features/passport/index.ts'
import { useNoticeStore } from './notice-store.ts'
import { audioStore, outbox, setupShell, subscribeRecorded } from './shell-services.tsx'
import { setupPwa } from '../features/pwa/index.ts'
import { startDashboardEarly } from '../features/dashboard/index.ts'
import { preloadDashboardPage } from './pages.tsx'
import './app.css'

// Old `/#/exhibit/<id>` links (bookmarks, kiosk start pages) land on the new URL.
const legacy = legacyHashRedirect(location)
if (legacy) history.replaceState(null, '', legacy)

// Damaged local data is reset with a message, never a white screen; the old device passport is dropped once, with a note.
void hydrateStationPassport().then((status) => {
  if (status === 'reset') useNoticeStore.getState().show('storage.reset')
  if (status === 'legacy-dropped') useNoticeStore.getState().show('passport.legacyDropped')
})
// The dashboard opened by address: its chunk, ECharts and its requests start now, side by side,
// not one after another as the route renders (features/dashboard/early-start.ts).
const dashboardFirst = location.pathname === paths.dashboard
const dashboardChunk = dashboardFirst ? preloadDashboardPage() : null
if (dashboardFirst) startDashboardEarly(location.search, loadGuideSession())
setupShell()
// Offline after the first load; a new version waits for the lobby (or the kiosk's idle reset).
setupPwa({ isLobby: (path) => path === paths.lobby })
// Dev/e2e builds only: the constant is false in production, so the bridge is not even bundled.
if (__SOPHORA_TEST_BRIDGE__) void import('../test-bridge/install.ts').then((m) => m.installTestBridge({ audio: audioStore, outbox, subscribeRecorded }))

const root = createRoot(document.getElementById('root')!)
const preview = import.meta.env.DEV ? /^\/dev\/exhibits\/([a-z0-9-]+)\/?$/.exec(location.pathname)?.[1] : undefined
if (preview) {
  // Authoring preview (dev server only): one exhibit with step jumps, language, VR emulation, meters.
  void import('./dev-preview/preview.tsx').then(({ default: DevPreview }) =>
    root.render(
      <StrictMode>
        <DevPreview id={preview} />
      </StrictMode>,
    ),
  )
} else {
  const render = () =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    )
  // The first render waits for the dashboard's chunk (tens of ms, its requests already out):
  // a page that suspends is revealed only ~300 ms after its fallback (React's throttle), which
  // was the largest wait left on the dashboard's first view. A failed load renders anyway and
  // the route's lazy import tries again and says so.
  if (dashboardChunk) void dashboardChunk.then(render, render)
  else render()
}
