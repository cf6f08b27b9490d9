import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ExhibitDefinition, ExhibitEvent } from '../exhibit-kit.ts'
import { createExhibitSession, type SessionServices } from '../exhibit-session.ts'
import type { ExhibitEntry } from '../registry.ts'
import { def, locales, manifest } from './fixtures.ts'

const tick = () => new Promise((r) => setTimeout(r, 0))

function setup(opts: { def?: ExhibitDefinition; load?: () => Promise<never> } = {}) {
  const events: ExhibitEvent[] = []
  const failures: string[] = []
  let audioClosed = 0
  let uncaught: ((e: unknown, source?: string) => void) | undefined
  let visibility: ((hidden: boolean) => void) | undefined
  const services: SessionServices = {
    record: (_id, e) => events.push(e),
    narrate: () => {},
    stopNarration: () => {},
    sfx: () => () => {},
    awardStamp: () => {},
    now: () => 0,
    openAudio: async () => () => {
      audioClosed++
    },
    preloadFont: async () => {},
    onVisibility: (l) => {
      visibility = l
      return () => {
        visibility = undefined
      }
    },
    onUncaught: (l) => {
      uncaught = l
      return () => {
        uncaught = undefined
      }
    },
    onFailure: (kind) => failures.push(kind),
  }
  const entry: ExhibitEntry = {
    id: 'demo',
    manifest,
    load: opts.load ?? (async () => ({ def: opts.def ?? def, locales })),
  }
  vi.spyOn(console, 'error').mockImplementation(() => {})
  const session = createExhibitSession({ entry, getLang: () => 'zh-CN', services })
  return {
    session,
    events,
    failures,
    audioClosed: () => audioClosed,
    throwUncaught: (e: unknown, source?: string) => uncaught?.(e, source),
    setHidden: (h: boolean) => visibility?.(h),
    listening: () => ({ uncaught: !!uncaught, visibility: !!visibility }),
  }
}

const fromExhibit = () => Object.assign(new Error('exhibit bug'), { stack: 'Error: exhibit bug\n    at tick (http://h/assets/exhibit-demo.AbC1.js:1:2)' })
const fromShell = () => Object.assign(new Error('audio bug'), { stack: 'Error: audio bug\n    at play (http://h/assets/index-AbC1.js:1:2)' })

describe('createExhibitSession', () => {
  afterEach(() => vi.restoreAllMocks())

  it('loads with rising progress, then runs a visit that starts recording', async () => {
    const s = setup()
    const seen: string[] = []
    s.session.subscribe(() => {
      const st = s.session.getState()
      seen.push(st.status === 'loading' ? `loading ${st.pct}` : st.status)
    })
    await vi.waitFor(() => expect(s.session.getState().status).toBe('ready'))
    expect(seen).toEqual(['loading 30', 'loading 90', 'ready'])
    expect(s.events.map((e) => e.type)).toEqual(['exhibit-started'])
  })

  it("fails as crashed on an uncaught error from the exhibit's own chunk, records it and cleans up", async () => {
    const s = setup()
    await vi.waitFor(() => expect(s.session.getState().status).toBe('ready'))
    s.throwUncaught(fromExhibit())
    expect(s.session.getState()).toEqual({ status: 'failed', kind: 'crashed' })
    expect(s.failures).toEqual(['crashed'])
    expect(s.events.map((e) => e.type)).toContain('exhibit-crashed')
    expect(s.audioClosed()).toBe(1)
    expect(s.listening()).toEqual({ uncaught: false, visibility: false })
  })

  it('ignores uncaught errors from the shell, audio or sync: the student stays in the exhibit', async () => {
    const s = setup()
    await vi.waitFor(() => expect(s.session.getState().status).toBe('ready'))
    s.throwUncaught(fromShell())
    s.throwUncaught('a string thrown by a browser extension', 'chrome-extension://abc/content.js')
    expect(s.session.getState().status).toBe('ready')
    expect(s.failures).toEqual([])
    expect(s.events.map((e) => e.type)).not.toContain('exhibit-crashed')
  })

  it('reports a load failure as loadFailed', async () => {
    const s = setup({ load: () => Promise.reject(new Error('chunk 404')) })
    await vi.waitFor(() => expect(s.failures).toEqual(['loadFailed']))
    expect(s.session.getState()).toEqual({ status: 'failed', kind: 'loadFailed' })
  })

  it('pauses and resumes the exhibit with the page, and a throwing onPause crashes only this session', async () => {
    const calls: string[] = []
    const s = setup({
      def: {
        ...def,
        onPause: () => {
          calls.push('pause')
          throw new Error('pause bug')
        },
        onResume: () => calls.push('resume'),
      },
    })
    await vi.waitFor(() => expect(s.session.getState().status).toBe('ready'))
    s.setHidden(true)
    expect(calls).toEqual(['pause'])
    expect(s.failures).toEqual(['crashed'])
  })

  it('dispose during loading closes audio that arrives late and records nothing more', async () => {
    let release!: () => void
    const gate = new Promise<void>((r) => {
      release = r
    })
    const s = setup({
      def: {
        ...def,
        preload: async () => {
          await gate
        },
      },
    })
    await tick()
    s.session.dispose()
    release()
    await tick()
    await tick()
    expect(s.session.getState().status).toBe('closed')
    expect(s.events).toEqual([])
    expect(s.failures).toEqual([])
  })

  it('dispose after ready records the exit and unloads audio once, even when called twice', async () => {
    const s = setup()
    await vi.waitFor(() => expect(s.session.getState().status).toBe('ready'))
    s.session.dispose()
    s.session.dispose()
    expect(s.events.map((e) => e.type)).toEqual(['exhibit-started', 'exhibit-exited'])
    expect(s.audioClosed()).toBe(1)
  })
})
