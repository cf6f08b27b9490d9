import type * as Sdk from '@sophora/sdk'
// the test renderer drives React through act()
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

import ReactThreeTestRenderer from '@react-three/test-renderer'
import { act, createElement, type ReactNode } from 'react'
import type { Mesh } from 'three'
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

const { PrintScene } = await import('../scene/print-scene.tsx')

function setup() {
  const spec = { steps, quiz, pass: manifest.quiz.pass }
  const run = createRunStore(spec)
  const sfx: string[] = []
  const stopped: string[] = []
  const tracked: { dispose(): void }[] = []
  const ctx = {
    manifest, lang: 'zh-CN', t: (k: string) => k,
    progress: {
      choose: (id: string) => run.getState().dispatch({ type: 'choose', choiceId: id }),
      completeStep: (id: string) => run.getState().dispatch({ type: 'complete-step', stepId: id }),
    },
    audio: { narrate: vi.fn(), sfx: (name: string) => { sfx.push(name); return () => stopped.push(name) } },
    track: <T extends { dispose(): void }>(o: T) => { tracked.push(o); return o },
    run: async <T,>(w: (s: AbortSignal) => Promise<T>) => w(new AbortController().signal),
    emit: vi.fn(),
  } as unknown as ExhibitContext
  const tree = createElement(ExhibitReactContext.Provider, { value: { ctx, run, spec } }, createElement(PrintScene, { ctx }))
  return { run, sfx, stopped, tracked, tree }
}

describe('3d-printing scene', () => {
  it('mounts within budget, picks a model by tapping it, and prints it layer by layer', async () => {
    const s = setup()
    const r = await ReactThreeTestRenderer.create(s.tree)
    const meshes = () => r.scene.findAll((n) => n.type === 'Mesh')
    expect(meshes().length).toBeGreaterThan(8)
    expect(meshes().length).toBeLessThan(30)
    const dispatch = (a: Parameters<ReturnType<typeof s.run.getState>['dispatch']>[0]) => act(async () => s.run.getState().dispatch(a))
    await dispatch({ type: 'start' })

    const signpost = r.scene.find((n) => n.props.name === 'model-signpost')
    await r.fireEvent(signpost, 'click', { stopPropagation: () => {} })
    expect(s.run.getState().state.completedSteps).toEqual(['pick-model'])
    expect(s.run.getState().state.feedback).toMatchObject({ choiceId: 'file-sliced', correct: true })
    // a second tap after the step is done does nothing
    await r.fireEvent(r.scene.find((n) => n.props.name === 'model-mushroom'), 'click', { stopPropagation: () => {} })
    expect(s.run.getState().state.completedSteps).toEqual(['pick-model'])

    for (const id of ['nozzle-melt', 'filament-pla']) {
      await dispatch({ type: 'next' })
      await dispatch({ type: 'choose', choiceId: id })
    }
    await dispatch({ type: 'next' })
    expect(s.sfx).toContain('hum')
    // printing: advance frames and the draw range of the one print geometry grows
    const printMesh = () => meshes().map((m) => m.instance as Mesh).find((m) => m.visible && m.geometry.getAttribute('aSag'))
    await act(async () => { await r.advanceFrames(30, 0.1) })
    const printed = printMesh()!
    expect(printed).toBeDefined()
    const early = printed.geometry.drawRange.count
    expect(early).toBeGreaterThan(0)
    await act(async () => { await r.advanceFrames(30, 0.1) })
    expect(printed.geometry.drawRange.count).toBeGreaterThan(early)

    await dispatch({ type: 'choose', choiceId: 'layers-thin-fine' })
    await dispatch({ type: 'next' })
    await dispatch({ type: 'choose', choiceId: 'supports-hotter' })
    expect(s.run.getState().state.feedback).toMatchObject({ correct: false })
    await dispatch({ type: 'next' })
    await dispatch({ type: 'choose', choiceId: 'supports-add' })
    await act(async () => { await r.advanceFrames(5, 0.1) })
    const good = printMesh()!
    expect(good).not.toBe(printed)
    await dispatch({ type: 'next' })
    await dispatch({ type: 'choose', choiceId: 'finished-wait-cool' })
    expect(s.stopped).toContain('hum')
    expect(s.run.getState().state.completedSteps).toEqual(steps.map((x) => x.id))
    // everything built imperatively is handed to the platform for disposal
    expect(s.tracked.length).toBeGreaterThanOrEqual(7)
    await r.unmount()
  })
})
