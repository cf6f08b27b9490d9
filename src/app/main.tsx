import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app.tsx'
import { setupHashRouting } from './route-store.ts'
import { hydratePassport } from '../passport/passport-store.ts'
import { useNoticeStore } from './notice-store.ts'
import { setupShell } from './shell-services.tsx'
import './app.css'

// Damaged local data is reset with a message, never a white screen.
void hydratePassport().then((status) => { if (status === 'reset') useNoticeStore.getState().show('storage.reset') })
setupHashRouting()
setupShell()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
