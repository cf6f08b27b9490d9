import { afterEach, describe, expect, it, vi } from 'vitest'
import { createUpdateFlow, SKIP_WAITING, type Registration } from '../update-flow.ts'

/** A service worker whose state the test sets; statechange listeners are kept to be fired. */
function worker(state: ServiceWorkerState) {
  const listeners: (() => void)[] = []
  return {
    state,
    postMessage: vi.fn(),
    addEventListener: (_type: string, cb: () => void) => void listeners.push(cb),
    fire: () => listeners.forEach((cb) => cb()),
  }
}
type Worker = ReturnType<typeof worker>

/** A station whose route, registration and controller the test moves by hand. */
function station(path: string, opts: { registerLater?: boolean } = {}) {
  let navigate = () => {}
  let controllerChange = () => {}
  let updateFound = () => {}
  let registered: ((r: Registration | undefined) => void) | undefined
  const reg = {
    active: worker('activated') as Worker | null,
    installing: null as Worker | null,
    waiting: null as Worker | null,
    update: vi.fn(() => Promise.resolve()),
  }
  const registration = {
    get active() {
      return reg.active as unknown as ServiceWorker | null
    },
    get installing() {
      return reg.installing as unknown as ServiceWorker | null
    },
    get waiting() {
      return reg.waiting as unknown as ServiceWorker | null
    },
    update: reg.update as unknown as () => Promise<ServiceWorkerRegistration>,
    addEventListener: (_t: 'updatefound', cb: () => void) => void (updateFound = cb),
  }
  const here = { path }
  const reload = vi.fn()
  const flow = createUpdateFlow({
    register: (cb) => (opts.registerLater ? (registered = cb) : cb(registration)),
    onControllerChange: (cb) => void (controllerChange = cb),
    reload,
    atLobby: (): boolean => here.path === '/',
    subscribeNavigation: (cb) => ((navigate = cb), () => (navigate = () => {})),
    checkEveryMs: 60_000,
    retryEveryMs: 1000,
  })
  return {
    flow,
    reg,
    reload,
    register: () => registered!(registration),
    /** A new version starts installing (updatefound), and installs (statechange). */
    installs(opts2: { installedBeforeUpdatefound?: boolean } = {}) {
      const w = worker(opts2.installedBeforeUpdatefound ? 'installed' : 'installing')
      if (opts2.installedBeforeUpdatefound) reg.waiting = w
      else reg.installing = w
      updateFound()
      if (!opts2.installedBeforeUpdatefound) {
        reg.installing = null
        reg.waiting = w
        w.state = 'installed'
        w.fire()
      }
      return w
    },
    takesControl() {
      if (reg.waiting) [reg.active, reg.waiting] = [reg.waiting, null]
      controllerChange()
    },
    go(to: string) {
      here.path = to
      navigate()
    },
  }
}

afterEach(() => vi.useRealTimers())

describe('station updates between visitors', () => {
  it('never activates a new version during an exhibit, and does at the next lobby', () => {
    const s = station('/exhibit/fire-escape')
    const w = s.installs()
    expect(s.flow.pending()).toBe(true)
    s.go('/exhibit/fire-escape?step=2')
    s.go('/passport/ABCD-1234')
    expect(w.postMessage).not.toHaveBeenCalled()
    s.go('/')
    expect(w.postMessage).toHaveBeenCalledExactlyOnceWith(SKIP_WAITING)
    s.takesControl()
    expect(s.reload).toHaveBeenCalledTimes(1)
  })

  it('sees a version that installed before its updatefound ran, or before the page registered', () => {
    const s = station('/exhibit/earthquake')
    const w = s.installs({ installedBeforeUpdatefound: true })
    s.go('/')
    expect(w.postMessage).toHaveBeenCalledWith(SKIP_WAITING)

    const t = station('/', { registerLater: true })
    const waiting = worker('installed')
    t.reg.waiting = waiting
    t.register()
    expect(waiting.postMessage).toHaveBeenCalledWith(SKIP_WAITING)
  })

  it('activates at once when the version arrives while the lobby shows, and only once', () => {
    const s = station('/')
    const w = s.installs()
    s.go('/')
    expect(s.flow.applyPendingUpdate()).toBe(false) // already applying: the page reloads
    expect(w.postMessage).toHaveBeenCalledTimes(1)
  })

  it('takes the first install for no update, and does not reload when it takes control', () => {
    const s = station('/')
    s.reg.active = null
    s.installs()
    expect(s.flow.pending()).toBe(false)
    s.takesControl()
    expect(s.reload).not.toHaveBeenCalled()
  })

  it('lets the idle reset apply a waiting version, and says when none waits', () => {
    const s = station('/exhibit/earthquake')
    expect(s.flow.applyPendingUpdate()).toBe(false)
    const w = s.installs()
    expect(s.flow.applyPendingUpdate()).toBe(true)
    expect(w.postMessage).toHaveBeenCalledTimes(1)
  })

  it('says skip-waiting again while the new worker has not taken control, then reloads the lobby so that it can', () => {
    vi.useFakeTimers()
    const s = station('/exhibit/earthquake')
    const w = s.installs()
    s.go('/')
    vi.advanceTimersByTime(2500)
    expect(w.postMessage).toHaveBeenCalledTimes(3)
    expect(s.reload).not.toHaveBeenCalled()
    vi.advanceTimersByTime(60_000)
    expect(w.postMessage).toHaveBeenCalledTimes(5)
    // still waiting, still at the lobby: the page's own requests hold the old worker; a reload ends them
    expect(s.reload).toHaveBeenCalledTimes(1)
    // and nothing more is sent or reloaded from this page
    vi.advanceTimersByTime(60_000)
    expect(w.postMessage).toHaveBeenCalledTimes(5)
    expect(s.reload).toHaveBeenCalledTimes(1)
  })

  it('does not reload when the student has left the lobby meanwhile, and tries again at the next lobby', () => {
    vi.useFakeTimers()
    const s = station('/exhibit/earthquake')
    const w = s.installs()
    s.go('/')
    vi.advanceTimersByTime(2500)
    s.go('/exhibit/fire-escape')
    vi.advanceTimersByTime(60_000)
    expect(w.postMessage).toHaveBeenCalledTimes(5)
    expect(s.reload).not.toHaveBeenCalled()
    s.go('/')
    expect(w.postMessage).toHaveBeenCalledTimes(6)
    s.takesControl()
    vi.advanceTimersByTime(60_000)
    expect(w.postMessage).toHaveBeenCalledTimes(6)
    expect(s.reload).toHaveBeenCalledTimes(1)
  })

  it('looks for a new version on a timer and back at the lobby, not on exhibit pages', () => {
    vi.useFakeTimers()
    const s = station('/exhibit/earthquake')
    s.go('/exhibit/flood-typhoon')
    expect(s.reg.update).not.toHaveBeenCalled()
    s.go('/')
    expect(s.reg.update).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(60_000)
    expect(s.reg.update).toHaveBeenCalledTimes(2)
    s.flow.stop()
    vi.advanceTimersByTime(120_000)
    s.go('/')
    expect(s.reg.update).toHaveBeenCalledTimes(2)
  })
})
