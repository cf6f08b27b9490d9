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

const { FloodScene } = await import('../scene/flood-scene.tsx')

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
  const tree = createElement(ExhibitReactContext.Provider, { value: { ctx, run, spec } }, createElement(FloodScene, { ctx }))
  return { run, chosen, sfx, stopped, tracked, tree }
}

describe('flood-typhoon scene', () => {
  it('mounts within budget, plays the steps by tapping the world, and cleans up its sounds', async () => {
    const s = setup()
    const r = await ReactThreeTestRenderer.create(s.tree)
    const meshes = r.scene.findAll((n) => n.type === 'Mesh' || n.type === 'InstancedMesh')
    expect(meshes.length).toBeGreaterThan(20)
    expect(meshes.length).toBeLessThan(60) // street and home together; only one place is visible at a time
    expect(s.tracked.length).toBe(6) // the merged shells, disposed by the platform on exit
    expect(s.sfx).toContain('rain') // the storm is already on during the intro

    const dispatch = (a: Parameters<ReturnType<typeof s.run.getState>['dispatch']>[0]) => act(async () => s.run.getState().dispatch(a))
    const feedback = () => s.run.getState().state.feedback
    const byName = (name: string) => r.scene.find((n) => n.instance.name === name)
    const click = async (name: string) => r.fireEvent(byName(name), 'click', { stopPropagation: () => {} })

    await dispatch({ type: 'start' })
    // a tap on a thing that belongs to another step does nothing
    await click('footbridge')
    expect(feedback()).toBeNull()

    await click('warning-blue')
    expect(feedback()).toMatchObject({ choiceId: 'colours-blue', correct: false })
    await dispatch({ type: 'next' })
    await click('warning-red')
    expect(feedback()).toMatchObject({ choiceId: 'colours-red', correct: true })
    await dispatch({ type: 'next' })

    await click('billboard')
    expect(feedback()).toMatchObject({ choiceId: 'rain-shelter-billboard', correct: false })
    await dispatch({ type: 'next' })
    await click('home-steps')
    await dispatch({ type: 'next' })

    await click('flood-water')
    expect(feedback()).toMatchObject({ choiceId: 'road-wade', correct: false })
    await dispatch({ type: 'next' })
    await click('footbridge')
    await dispatch({ type: 'next' })

    await click('whirlpool')
    await dispatch({ type: 'next' })

    expect(s.sfx).toContain('crackle') // the sparking wire
    await click('fallen-wire')
    expect(feedback()).toMatchObject({ choiceId: 'wire-move-stick', correct: false })
    await dispatch({ type: 'next' })
    await click('home-steps')
    expect(feedback()).toMatchObject({ choiceId: 'wire-keep-away', correct: true })
    await dispatch({ type: 'next' })
    expect(s.stopped).toContain('crackle')

    await click('power-strip')
    expect(feedback()).toMatchObject({ choiceId: 'home-unplug-wet', correct: false })
    await dispatch({ type: 'next' })
    await click('main-switch')
    await dispatch({ type: 'next' })

    await click('door')
    expect(feedback()).toMatchObject({ choiceId: 'eye-go-out', correct: false })
    await dispatch({ type: 'next' })
    await click('window')
    expect(feedback()).toMatchObject({ choiceId: 'eye-window-photo', correct: false })
    await dispatch({ type: 'next' })
    await click('tv')
    expect(feedback()).toMatchObject({ choiceId: 'eye-stay-inside', correct: true })
    await dispatch({ type: 'next' })

    expect(s.run.getState().state.phase).toBe('quiz')
    expect(s.run.getState().state.completedSteps).toEqual(steps.map((x) => x.id))
    expect(s.chosen).toEqual([
      'colours-blue', 'colours-red', 'rain-shelter-billboard', 'rain-head-home', 'road-wade', 'road-footbridge',
      'whirlpool-manhole', 'wire-move-stick', 'wire-keep-away', 'home-unplug-wet', 'home-power-off',
      'eye-go-out', 'eye-window-photo', 'eye-stay-inside',
    ])
    // the eye was silent: the rain loop stopped at least once and came back for the quiz
    expect(s.stopped).toContain('rain')
    expect(s.sfx.filter((n) => n === 'rain').length).toBeGreaterThan(2)

    await r.unmount()
    // every looping sound that was started has been stopped
    for (const name of ['rain', 'crackle']) {
      expect(s.stopped.filter((n) => n === name).length, name).toBe(s.sfx.filter((n) => n === name).length)
    }
  })
})
