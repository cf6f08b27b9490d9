import { describe, expect, it, vi } from 'vitest'
import type { ExhibitEvent } from '../exhibit-kit.ts'
import type { Lang } from '../manifest-schema.ts'
import { createVisit, type VisitServices } from '../visit.ts'
import { def, locales, manifest } from './fixtures.ts'

function setup(lang: { current: Lang } = { current: 'zh-CN' }) {
  const events: ExhibitEvent[] = []
  const narrated: string[] = []
  const stamps: [string, number][] = []
  const crashes: unknown[] = []
  let stopped = 0
  let sfxStopped = 0
  const services: VisitServices = {
    record: (_id, e) => events.push(e),
    narrate: (cue, text) => narrated.push(`${cue}:${text}`),
    stopNarration: () => {
      stopped++
    },
    sfx: () => () => {
      sfxStopped++
    },
    awardStamp: (id, score) => stamps.push([id, score]),
    crash: (e) => crashes.push(e),
    now: () => 1000,
  }
  const visit = createVisit({ manifest, locales, def, getLang: () => lang.current, services })
  return { visit, events, narrated, stamps, crashes, lang, stopped: () => stopped, sfxStopped: () => sfxStopped }
}

describe('createVisit', () => {
  it('ignores ctx.emit: an exhibit cannot forge a stamp, a completion or a step', () => {
    const { visit, events, stamps } = setup()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    visit.ctx.emit({ type: 'stamp-awarded', data: { stampId: 'demo' } })
    visit.ctx.emit({ type: 'exhibit-completed', data: { score: 3, maxScore: 3, passed: true, durationMs: 1 } })
    visit.ctx.emit({ type: 'step-completed', data: { stepId: 'a' } })
    expect(events.map((e) => e.type)).toEqual(['exhibit-started'])
    expect(stamps).toEqual([])
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/\[demo\] ctx\.emit\(\{ type: 'stamp-awarded' \}\) is ignored/)
    warn.mockRestore()
  })

  it('plays intro narration, narrates each step, and reports events up to the stamp', () => {
    const { visit, events, narrated, stamps } = setup()
    const d = visit.run.getState().dispatch
    d({ type: 'start' })
    d({ type: 'choose', choiceId: 'a-no' })
    d({ type: 'next' })
    for (const id of ['a', 'b']) {
      d({ type: 'choose', choiceId: `${id}-ok` })
      d({ type: 'next' })
    }
    for (const id of ['q1', 'q2', 'q3']) {
      d({ type: 'choose', choiceId: `${id}-ok` })
      d({ type: 'next' })
    }
    expect(narrated).toEqual(['intro:你好', 'a:甲', 'b:乙'])
    expect(events.map((e) => e.type)).toEqual([
      'exhibit-started',
      'step-mistake',
      'step-completed',
      'step-completed',
      'answer-given',
      'answer-given',
      'answer-given',
      'exhibit-completed',
      'stamp-awarded',
    ])
    expect(events.find((e) => e.type === 'exhibit-completed')?.data).toMatchObject({ score: 3, maxScore: 3, passed: true })
    expect(stamps).toEqual([['demo', 3]])
  })

  it('translates in the language current at call time', () => {
    const s = setup()
    expect(s.visit.ctx.t('narration.a')).toBe('甲')
    s.lang.current = 'en'
    expect(s.visit.ctx.t('narration.a')).toBe('A')
    expect(s.visit.ctx.lang).toBe('en')
  })

  it('ctx.run turns a rejection into a crash report instead of an unhandled error', async () => {
    const s = setup()
    await expect(
      s.visit.ctx.run(async () => {
        throw new Error('boom')
      }),
    ).resolves.toBeUndefined()
    expect(s.crashes).toHaveLength(1)
  })

  it('dispose frees tracked objects and sounds once, aborts work, and reports the exit', async () => {
    const s = setup()
    let disposed = 0
    s.visit.ctx.track({
      dispose: () => {
        disposed++
      },
    })
    s.visit.ctx.audio.sfx('alarm', { loop: true })
    let signal: AbortSignal | undefined
    const pending = s.visit.ctx.run((sig) => {
      signal = sig
      return new Promise((_, rej) => sig.addEventListener('abort', () => rej(new Error('aborted'))))
    })
    s.visit.dispose()
    s.visit.dispose()
    await pending
    expect(disposed).toBe(1)
    expect(s.sfxStopped()).toBe(1)
    expect(signal?.aborted).toBe(true)
    expect(s.crashes).toEqual([])
    expect(s.events.at(-1)).toMatchObject({ type: 'exhibit-exited', data: { reason: 'visitor', durationMs: 0 } })
    // late transitions (a stray tap after exit) record and narrate nothing
    const narrated = s.narrated.length
    s.visit.run.getState().dispatch({ type: 'start' })
    s.visit.run.getState().dispatch({ type: 'choose', choiceId: 'a-no' })
    expect(s.visit.run.getState().state.mistakes).toBe(1)
    expect(s.events.at(-1)?.type).toBe('exhibit-exited')
    expect(s.narrated).toHaveLength(narrated)
  })

  it('an idle reset records its reason once; the later teardown does not record another exit', () => {
    const s = setup()
    s.visit.dispose('idle')
    s.visit.dispose()
    const exits = s.events.filter((e) => e.type === 'exhibit-exited')
    expect(exits).toEqual([expect.objectContaining({ data: expect.objectContaining({ reason: 'idle' }) })])
  })
})
