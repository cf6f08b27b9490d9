import { afterEach, describe, expect, it, vi } from 'vitest'
import { createUpdateFlow, type UpdateHooks } from '../update-flow.ts'

/** A station whose route and service worker the test moves by hand. */
function station(path: string) {
  let hooks: UpdateHooks | undefined
  let navigate = () => {}
  const activate = vi.fn(() => Promise.resolve())
  const update = vi.fn(() => Promise.resolve())
  const here = { path }
  const s = {
    activate,
    update,
    flow: createUpdateFlow({
      register: (h) => ((hooks = h), activate),
      atLobby: (): boolean => here.path === '/',
      subscribeNavigation: (cb) => ((navigate = cb), () => (navigate = () => {})),
      checkEveryMs: 60_000,
    }),
    registered: () => hooks!.onRegistered({ update } as unknown as ServiceWorkerRegistration),
    newVersionWaits: () => hooks!.onNeedRefresh(),
    go(to: string) {
      here.path = to
      navigate()
    },
  }
  return s
}

afterEach(() => vi.useRealTimers())

describe('station updates between visitors', () => {
  it('never activates a new version during an exhibit, and does at the next lobby', () => {
    const s = station('/exhibit/fire-escape')
    s.newVersionWaits()
    expect(s.flow.pending()).toBe(true)
    s.go('/exhibit/fire-escape?step=2')
    s.go('/passport/ABCD-1234')
    expect(s.activate).not.toHaveBeenCalled()
    s.go('/')
    expect(s.activate).toHaveBeenCalledTimes(1)
  })

  it('activates at once when the version arrives while the lobby shows, and only once', () => {
    const s = station('/')
    s.newVersionWaits()
    s.go('/')
    expect(s.flow.applyPendingUpdate()).toBe(false) // already applying: the page reloads
    expect(s.activate).toHaveBeenCalledTimes(1)
  })

  it('lets the idle reset apply a waiting version, and says when none waits', () => {
    const s = station('/exhibit/earthquake')
    expect(s.flow.applyPendingUpdate()).toBe(false)
    s.newVersionWaits()
    expect(s.flow.applyPendingUpdate()).toBe(true)
    expect(s.activate).toHaveBeenCalledTimes(1)
  })

  it('tries again at the next lobby when activating failed', async () => {
    const s = station('/exhibit/earthquake')
    s.activate.mockRejectedValueOnce(new Error('no worker'))
    s.newVersionWaits()
    expect(s.flow.applyPendingUpdate()).toBe(true)
    await vi.waitFor(() => expect(s.flow.applyPendingUpdate()).toBe(true))
    expect(s.activate).toHaveBeenCalledTimes(2)
  })

  it('looks for a new version on a timer and back at the lobby, not on exhibit pages', () => {
    vi.useFakeTimers()
    const s = station('/exhibit/earthquake')
    s.registered()
    s.go('/exhibit/flood-typhoon')
    expect(s.update).not.toHaveBeenCalled()
    s.go('/')
    expect(s.update).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(60_000)
    expect(s.update).toHaveBeenCalledTimes(2)
    s.flow.stop()
    vi.advanceTimersByTime(120_000)
    s.go('/')
    expect(s.update).toHaveBeenCalledTimes(2)
  })
})
