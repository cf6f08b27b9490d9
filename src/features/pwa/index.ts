/**
 * Public API of the installable, offline station app (the service worker itself is built by
 * vite-plugin-pwa, src/build/pwa-plugin.ts). The app's entry calls `setupPwa` once; the
 * kiosk's idle reset calls `applyPendingUpdate` after it closed the visit.
 */
import { registerSW } from 'virtual:pwa-register'
import { createUpdateFlow, type Cleanup, type UpdateFlow } from './update-flow.ts'

export { createUpdateFlow, DEFAULT_CHECK_EVERY_MS } from './update-flow.ts'
export type { UpdateFlow, UpdateFlowOptions, Registration, Cleanup } from './update-flow.ts'

let flow: UpdateFlow | null = null

/**
 * wouter announces its history changes as window events named after the history method
 * (wouter/src/use-browser-location.js); the back button gives popstate.
 */
const NAVIGATION_EVENTS = ['popstate', 'pushState', 'replaceState'] as const

function subscribeNavigation(onNavigate: () => void): Cleanup {
  for (const e of NAVIGATION_EVENTS) window.addEventListener(e, onNavigate)
  return () => {
    for (const e of NAVIGATION_EVENTS) window.removeEventListener(e, onNavigate)
  }
}

/**
 * Registers the service worker (production and e2e builds; the dev server has none) and
 * applies new versions at the lobby. `isLobby` tells whether a path is the lobby.
 */
export function setupPwa(opts: { isLobby(path: string): boolean }): Cleanup {
  // the dev server's registerSW is a no-op (no service worker there)
  if (flow || !('serviceWorker' in navigator)) return () => {}
  flow = createUpdateFlow({
    register: (onRegistered) => {
      // vite-plugin-pwa registers the worker; its "need refresh" guess is not used (update-flow.ts says why)
      registerSW({
        immediate: true,
        onRegisteredSW: (_url, r) => onRegistered(r),
        onRegisterError(e: unknown) {
          report(e)
          // a station whose registration call failed (e.g. offline) may still have its worker
          navigator.serviceWorker.getRegistration().then(onRegistered, report)
        },
      })
    },
    onControllerChange: (cb) => navigator.serviceWorker.addEventListener('controllerchange', cb),
    reload: () => location.reload(),
    atLobby: () => opts.isLobby(location.pathname),
    subscribeNavigation,
    onError: report,
  })
  return () => {
    flow?.stop()
    flow = null
  }
}

function report(e: unknown): void {
  console.warn('[sophora] service worker:', e)
}

/**
 * Between visitors only (the kiosk's idle reset, after the visit was closed): applies a
 * downloaded new version of the app; the page reloads into it. Returns false when none waits.
 */
export function applyPendingUpdate(): boolean {
  return flow?.applyPendingUpdate() ?? false
}

/** A new version is downloaded and waits for the lobby or the next idle reset. */
export function updatePending(): boolean {
  return flow?.pending() ?? false
}
