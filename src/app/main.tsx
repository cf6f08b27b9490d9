import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app.tsx'
import { setupHashRouting } from './route-store.ts'
import { hydratePassport } from '../features/passport/index.ts'
import { useNoticeStore } from './notice-store.ts'
import { audioStore, outbox, setupShell, subscribeRecorded } from './shell-services.tsx'
import './app.css'

// Damaged local data is reset with a message, never a white screen.
void hydratePassport().then((status) => { if (status === 'reset') useNoticeStore.getState().show('storage.reset') })
setupHashRouting()
setupShell()
// Dev/e2e builds only: the constant is false in production, so the bridge is not even bundled.
if (__SOPHORA_TEST_BRIDGE__) void import('../test-bridge/install.ts').then((m) => m.installTestBridge({ audio: audioStore, outbox, subscribeRecorded }))

const root = createRoot(document.getElementById('root')!)
const preview = import.meta.env.DEV ? /^\/dev\/exhibits\/([a-z0-9-]+)\/?$/.exec(location.pathname)?.[1] : undefined
if (preview) {
  // Authoring preview (dev server only): one exhibit with step jumps, language, VR emulation, meters.
  void import('./dev-preview/preview.tsx').then(({ default: DevPreview }) => root.render(<StrictMode><DevPreview id={preview} /></StrictMode>))
} else {
  root.render(<StrictMode><App /></StrictMode>)
}
