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

const { SortingScene } = await import('../scene/sorting-scene.tsx')

function setup() {
  const spec = { steps, quiz, pass: manifest.quiz.pass }
  const run = createRunStore(spec)
  const chosen: string[] = []
  const sfx: string[] = []
  const tracked: { dispose(): void }[] = []
  const ctx = {
    manifest, lang: 'zh-CN',
    t: (k: string, v?: Record<string, string | number>) => (v ? `${k}:${Object.values(v).join('/')}` : k),
    progress: {
      choose: (id: string) => { chosen.push(id); run.getState().dispatch({ type: 'choose', choiceId: id }) },
      completeStep: (id: string) => run.getState().dispatch({ type: 'complete-step', stepId: id }),
    },
    audio: { narrate: vi.fn(), sfx: (name: string) => { sfx.push(name); return () => {} } },
    track: <T extends { dispose(): void }>(o: T) => { tracked.push(o); return o },
    run: async <T,>(w: (s: AbortSignal) => Promise<T>) => w(new AbortController().signal),
    emit: vi.fn(),
  } as unknown as ExhibitContext
  const tree = createElement(ExhibitReactContext.Provider, { value: { ctx, run, spec } }, createElement(SortingScene, { ctx }))
  return { run, chosen, sfx, tracked, tree, ctx }
}

describe('waste-sorting scene', () => {
  it('mounts within budget, sorts by tapping bins, and keeps score on the board', async () => {
    const s = setup()
    const r = await ReactThreeTestRenderer.create(s.tree)
    const meshes = r.scene.findAll((n) => n.type === 'Mesh')
    expect(meshes.length).toBeLessThan(20) // + ~14 labels: far under the 60 draw-call budget
    expect(s.tracked.length).toBe(1 + 4 + 30) // shell, bin bodies, one model per item
    const label = (text: string) => r.scene.findAll((n) => n.props.name === `label:${text}`)
    expect(label('scene.score:0/30')).toHaveLength(1)

    const dispatch = (a: Parameters<ReturnType<typeof s.run.getState>['dispatch']>[0]) => act(async () => s.run.getState().dispatch(a))
    const bin = (b: string) => r.scene.find((n) => n.props.name === `bin-${b}`)
    const click = async (b: string) => r.fireEvent(bin(b) as never, 'click', { stopPropagation: () => {} })

    // nothing happens before the run starts
    await click('recyclable')
    expect(s.chosen).toEqual([])

    await dispatch({ type: 'start' })
    expect(label('item.plastic-bottle')).toHaveLength(1)

    // wrong bin: counted, explained, the item bounces back and the step stays open
    await click('residual')
    expect(s.run.getState().state.feedback).toMatchObject({ choiceId: 'plastic-bottle-residual', correct: false })
    expect(s.sfx).toContain('wrong')
    await click('recyclable')
    expect(s.run.getState().state.feedback).toMatchObject({ choiceId: 'plastic-bottle-recyclable', correct: true })
    expect(s.sfx).toContain('correct')
    // while the right answer shows, more taps do nothing
    await click('food')
    expect(s.chosen).toEqual(['plastic-bottle-residual', 'plastic-bottle-recyclable'])

    await dispatch({ type: 'next' })
    expect(label('item.fruit-peel')).toHaveLength(1)
    await click('food')
    await dispatch({ type: 'next' })
    expect(s.run.getState().state.completedSteps).toEqual(['item-plastic-bottle', 'item-fruit-peel'])
    expect(label('scene.score:1/30')).toHaveLength(1) // 2 sorted - 1 wrong throw
    expect(label('scene.count:3/30')).toHaveLength(1)

    // a frame runs the animations without throwing
    await r.advanceFrames(3, 0.1)
    await r.unmount()
  })
})
