import type * as Sdk from '@sophora/sdk'
// the test renderer drives React through act()
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

import ReactThreeTestRenderer from '@react-three/test-renderer'
import { act, createElement, type ReactNode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import type { ExhibitContext } from '../../../src/core/exhibit-kit.ts'
import { createRunStore } from '../../../src/core/run-store.ts'
import { ExhibitReactContext } from '../../../src/sdk/exhibit-react-context.ts'
import manifest from '../manifest.json'
import { quiz } from '../quiz.ts'
import { steps } from '../steps.ts'

// troika needs a real WebGL context and font files: stand in a plain group for the text
vi.mock('@sophora/sdk', async (importOriginal) => ({
  ...(await importOriginal<typeof Sdk>()),
  Label3D: (p: { children?: ReactNode }) => createElement('group', { name: `label:${String(p.children)}` }),
}))

const { EarthquakeScene } = await import('../scene/earthquake-scene.tsx')

function setup() {
  const spec = { steps, quiz, pass: manifest.quiz.pass }
  const run = createRunStore(spec)
  const chosen: string[] = []
  const sfx: string[] = []
  const stopped: string[] = []
  const tracked: { dispose(): void }[] = []
  const ctx = {
    manifest, lang: 'zh-CN', t: (k: string) => k,
    progress: {
      choose: (id: string) => { chosen.push(id); run.getState().dispatch({ type: 'choose', choiceId: id }) },
      completeStep: (id: string) => run.getState().dispatch({ type: 'complete-step', stepId: id }),
    },
    audio: { narrate: vi.fn(), sfx: (name: string) => { sfx.push(name); return () => stopped.push(name) } },
    track: <T extends { dispose(): void }>(o: T) => { tracked.push(o); return o },
    run: async <T,>(w: (s: AbortSignal) => Promise<T>) => w(new AbortController().signal),
    emit: vi.fn(),
  } as unknown as ExhibitContext
  const tree = createElement(ExhibitReactContext.Provider, { value: { ctx, run, spec } }, createElement(EarthquakeScene, { ctx }))
  return { run, chosen, sfx, stopped, tracked, tree, ctx }
}

describe('earthquake scene', () => {
  it('mounts within budget, plays every step by tapping the world, and cleans up its sounds', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const s = setup()
    const r = await ReactThreeTestRenderer.create(s.tree)
    const meshes = r.scene.findAll((n) => n.type === 'Mesh' || n.type === 'InstancedMesh')
    expect(meshes.length).toBeGreaterThan(20)
    expect(meshes.length).toBeLessThan(60) // across all four places; only one place is visible at a time
    expect(s.tracked.length).toBe(11) // the merged shells, disposed by the platform on exit

    const state = () => s.run.getState().state
    const dispatch = (a: Parameters<ReturnType<typeof s.run.getState>['dispatch']>[0]) => act(async () => s.run.getState().dispatch(a))
    const named = (name: string) => {
      const n = r.scene.find((x) => x.instance.name === name)
      expect(typeof n.props.onClick, name).toBe('function')
      return n
    }
    const click = async (name: string) => r.fireEvent(named(name) as never, 'click', { stopPropagation: () => {} })
    const world = r.scene.children[0]!.instance

    // intro: a calm classroom, no rumble
    expect(s.sfx).toEqual([])
    await dispatch({ type: 'start' })
    // the early-warning countdown: the alarm sounds before any shaking; running out is wrong
    expect(s.sfx).toEqual(['alarm'])
    expect(r.scene.find((x) => x.instance.name === 'eq-speaker')).toBeTruthy()
    await click('eq-door')
    expect(state().feedback).toMatchObject({ choiceId: 'warn-run-out', correct: false })
    await dispatch({ type: 'next' })
    await click('eq-own-desk')
    expect(state().feedback).toMatchObject({ choiceId: 'warn-act-now', correct: true })
    await dispatch({ type: 'next' })
    expect(s.stopped).toContain('alarm')
    expect(s.sfx).toContain('rumble')

    // while it shakes the door is the doorway myth: wrong, explained, the step stays open
    await click('eq-door')
    expect(state().feedback).toMatchObject({ choiceId: 'shaking-doorway', correct: false })
    await dispatch({ type: 'next' })
    await click('eq-own-desk')
    await dispatch({ type: 'next' })

    await click('eq-windows')
    expect(state().feedback).toMatchObject({ choiceId: 'cover-by-window', correct: false })
    await dispatch({ type: 'next' })
    await click('eq-bookcase')
    expect(state().feedback).toMatchObject({ choiceId: 'cover-by-bookcase', correct: false })
    await dispatch({ type: 'next' })
    await click('eq-own-desk')
    expect(state().feedback).toMatchObject({ choiceId: 'cover-under-desk', correct: true })
    // taking cover raises the world (the camera stays put)
    await r.advanceFrames(240, 1 / 60)
    expect(world.position.y).toBeGreaterThan(0.8)
    await dispatch({ type: 'next' })

    expect(r.scene.find((x) => x.instance.name === 'eq-hand').instance.visible).toBe(false)
    await click('eq-own-desk')
    expect(state().feedback).toMatchObject({ choiceId: 'hold-desk-leg', correct: true })
    expect(r.scene.find((x) => x.instance.name === 'eq-hand').instance.visible).toBe(true)
    await dispatch({ type: 'next' })

    await click('eq-door')
    expect(state().feedback).toMatchObject({ choiceId: 'wait-run-now', correct: false })
    await dispatch({ type: 'next' })
    await click('eq-own-desk')
    expect(state().feedback).toMatchObject({ choiceId: 'wait-stay-put', correct: true })
    expect(s.stopped).toContain('rumble') // the shaking has stopped
    await dispatch({ type: 'next' })

    // the stairwell: the lift is wrong, the stairs are right
    await click('eq-lift')
    expect(state().feedback).toMatchObject({ choiceId: 'evacuate-lift', correct: false })
    await dispatch({ type: 'next' })
    await click('eq-queue')
    expect(state().feedback).toMatchObject({ choiceId: 'evacuate-push', correct: false })
    await dispatch({ type: 'next' })
    await click('eq-stairs')
    await dispatch({ type: 'next' })

    await click('eq-school-door')
    expect(state().feedback).toMatchObject({ choiceId: 'open-by-building', correct: false })
    await dispatch({ type: 'next' })
    await click('eq-wall-and-poles')
    expect(state().feedback).toMatchObject({ choiceId: 'open-by-wall', correct: false })
    await dispatch({ type: 'next' })
    await click('eq-assembly-sign')
    await dispatch({ type: 'next' })

    await click('eq-debris')
    expect(state().feedback).toMatchObject({ choiceId: 'trapped-dig-out', correct: false })
    await dispatch({ type: 'next' })
    await click('eq-pipe')
    await act(async () => { vi.advanceTimersByTime(1000) })
    expect(s.sfx.filter((x) => x === 'click')).toHaveLength(3) // knock, knock, knock
    await dispatch({ type: 'next' })

    expect(state().phase).toBe('quiz')
    expect(state().completedSteps).toEqual(steps.map((x) => x.id))
    expect(s.chosen.filter((id) => steps.some((st) => st.choices.some((c) => c.id === id && c.correct))))
      .toEqual(['warn-act-now', 'shaking-stay-calm', 'cover-under-desk', 'hold-desk-leg', 'wait-stay-put', 'evacuate-stairs', 'open-playground', 'trapped-tap-pipe'])
    // scene taps do nothing in the quiz
    await click('eq-assembly-sign')
    expect(state().feedback).toBeNull()

    await r.unmount()
    vi.useRealTimers()
  })

  it('ignores taps on objects that belong to another step', async () => {
    const s = setup()
    const r = await ReactThreeTestRenderer.create(s.tree)
    await act(async () => s.run.getState().dispatch({ type: 'start' }))
    const pipe = r.scene.find((x) => x.instance.name === 'eq-pipe')
    await r.fireEvent(pipe as never, 'click', { stopPropagation: () => {} })
    expect(s.chosen).toEqual([])
    await r.unmount()
  })
})
