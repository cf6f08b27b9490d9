/**
 * When a station takes a new version of the app: it is downloaded in the background (the
 * service worker installs and waits) and applied only between visitors — at the lobby or at
 * the kiosk's idle reset — never in the middle of an exhibit. Applying activates the waiting
 * worker; the page then reloads into the new version (vite-plugin-pwa's registerSW does that
 * when the new worker takes control).
 */
export type Cleanup = () => void

export interface UpdateHooks {
  /** a new version is installed and waits (also on start, when one was already waiting) */
  onNeedRefresh(): void
  onRegistered(registration: ServiceWorkerRegistration | undefined): void
}

export interface UpdateFlowOptions {
  /** Registers the service worker; returns what activates a waiting one (vite-plugin-pwa's `registerSW`). */
  register(hooks: UpdateHooks): (reloadPage?: boolean) => Promise<void>
  /** Whether the station shows the lobby: between visitors, the only place an update may reload the page. */
  atLobby(): boolean
  /** Calls back on every in-app navigation. */
  subscribeNavigation(onNavigate: () => void): Cleanup
  /** How often to ask the server whether a new version exists (a kiosk page is never navigated away from). */
  checkEveryMs?: number
  onError?(e: unknown): void
}

export interface UpdateFlow {
  /** A new version is downloaded and waits for the lobby. */
  pending(): boolean
  /**
   * Applies a downloaded new version now: the page reloads into it. For the lobby and the
   * kiosk's idle reset (call it after the visit was closed). Returns false when none waits.
   */
  applyPendingUpdate(): boolean
  /** Asks the server for a new version now; a new one downloads in the background. */
  checkForUpdate(): Promise<void>
  stop(): void
}

/** Half an hour: a deploy reaches every station within the next visitor or two. */
export const DEFAULT_CHECK_EVERY_MS = 30 * 60_000

export function createUpdateFlow(opts: UpdateFlowOptions): UpdateFlow {
  let waiting = false
  let applying = false
  let registration: ServiceWorkerRegistration | undefined
  const report = (e: unknown) => opts.onError?.(e)

  const applyPendingUpdate = () => {
    if (!waiting || applying) return false
    applying = true
    activate().catch((e: unknown) => {
      applying = false
      report(e)
    })
    return true
  }
  const activate = opts.register({
    onNeedRefresh() {
      waiting = true
      if (opts.atLobby()) applyPendingUpdate()
    },
    onRegistered(r) {
      registration = r
    },
  })
  const checkForUpdate = async () => {
    // An update check while offline fails: that is normal for a station, and the next check retries.
    if (registration && !applying) await registration.update().catch(report)
  }
  const timer = setInterval(() => void checkForUpdate(), opts.checkEveryMs ?? DEFAULT_CHECK_EVERY_MS)
  const unsubscribe = opts.subscribeNavigation(() => {
    if (!opts.atLobby()) return
    // Back at the lobby: apply what waits; otherwise look for a new version for the next visitor.
    if (!applyPendingUpdate()) void checkForUpdate()
  })

  return {
    pending: () => waiting,
    applyPendingUpdate,
    checkForUpdate,
    stop() {
      clearInterval(timer)
      unsubscribe()
    },
  }
}
