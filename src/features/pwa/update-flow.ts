/**
 * When a station takes a new version of the app: it is downloaded in the background (the
 * service worker installs and waits) and applied only between visitors — at the lobby or at
 * the kiosk's idle reset — never in the middle of an exhibit. Applying tells the waiting
 * worker to skip waiting; the page reloads once the new worker controls it.
 *
 * The flow reads the registration itself (`registration.waiting`) instead of trusting
 * workbox-window's "waiting" event: that event is a guess made from timings (a worker found
 * more than a minute after registering counts as "external", and only the first one is
 * followed), so a station that checks for updates every half hour could miss one and keep a
 * downloaded version waiting at the lobby. The registration's own state cannot be missed.
 */
export type Cleanup = () => void

/** What the flow needs of a ServiceWorkerRegistration (tests pass a fake). */
export type Registration = Pick<ServiceWorkerRegistration, 'active' | 'installing' | 'waiting' | 'update'> & {
  addEventListener(type: 'updatefound', listener: () => void): void
}

export interface UpdateFlowOptions {
  /** Registers the service worker and calls back with its registration (undefined: none). */
  register(onRegistered: (registration: Registration | undefined) => void): void
  /** Calls back each time a new worker takes control of the page. */
  onControllerChange(cb: () => void): void
  /** Reloads the page into the new version. */
  reload(): void
  /** Whether the station shows the lobby: between visitors, the only place an update may reload the page. */
  atLobby(): boolean
  /** Calls back on every in-app navigation. */
  subscribeNavigation(onNavigate: () => void): Cleanup
  /** How often to ask the server whether a new version exists (a kiosk page is never navigated away from). */
  checkEveryMs?: number
  /** How long to wait for the new worker to take control before telling it again to skip waiting. */
  retryEveryMs?: number
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
/** workbox's generated worker calls skipWaiting() on this message (registerType 'prompt'). */
export const SKIP_WAITING = { type: 'SKIP_WAITING' } as const
const MAX_TRIES = 5

export function createUpdateFlow(opts: UpdateFlowOptions): UpdateFlow {
  let registration: Registration | undefined
  let applying = false
  let tries = 0
  let retry: ReturnType<typeof setTimeout> | undefined
  const report = (e: unknown) => opts.onError?.(e)
  // an update, not the first install: a new worker waits behind the one that runs the page
  const waitingWorker = () => (registration?.active ? (registration.waiting ?? null) : null)

  const tellToSkipWaiting = () => {
    const w = waitingWorker()
    if (!w) return
    try {
      w.postMessage(SKIP_WAITING)
    } catch (e) {
      report(e)
    }
    // A message to a worker that is just being started can be lost; say it again until the
    // worker takes control (the reload ends this page, and with it the timer).
    if (++tries < MAX_TRIES) retry = setTimeout(tellToSkipWaiting, opts.retryEveryMs ?? 3000)
    else retry = setTimeout(reloadIfStillWaiting, opts.retryEveryMs ?? 3000)
  }
  /**
   * The worker has been told, and still waits: Chromium activates it only once the old worker
   * has no request in flight for this page, and a page can keep one open (seen in the e2e test:
   * 2 runs in 5 kept `installed` through five messages; a reload took the new build every time).
   * At the lobby a reload is harmless — no visit is open — and ends those requests, so the told
   * worker activates before the page comes back. Elsewhere (the student has gone on) the next
   * lobby tries again.
   */
  const reloadIfStillWaiting = () => {
    if (waitingWorker() && opts.atLobby()) opts.reload()
    else applying = false
  }
  const applyPendingUpdate = () => {
    if (applying || !waitingWorker()) return false
    applying = true
    tries = 0
    tellToSkipWaiting()
    return true
  }
  const onWorkerChange = () => {
    if (waitingWorker() && opts.atLobby()) applyPendingUpdate()
  }

  opts.onControllerChange(() => {
    clearTimeout(retry)
    // only an update we applied reloads; the very first install taking control (clientsClaim) does not
    if (applying) opts.reload()
  })
  opts.register((r) => {
    registration = r
    if (!r) return
    r.addEventListener('updatefound', () => {
      // the worker may already be installed when this runs: check now, and on each state change
      r.installing?.addEventListener('statechange', onWorkerChange)
      onWorkerChange()
    })
    onWorkerChange()
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
    pending: () => waitingWorker() !== null,
    applyPendingUpdate,
    checkForUpdate,
    stop() {
      clearInterval(timer)
      clearTimeout(retry)
      unsubscribe()
    },
  }
}
