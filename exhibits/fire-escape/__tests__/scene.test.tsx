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

const { FireScene } = await import('../scene/fire-scene.tsx')

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
  const tree = createElement(ExhibitReactContext.Provider, { value: { ctx, run, spec } }, createElement(FireScene, { ctx }))
  return { run, chosen, sfx, stopped, tracked, tree }
}

describe('fire-escape scene', () => {
  it('mounts within budget, plays the steps by tapping the world, and cleans up its sounds', async () => {
    const s = setup()
    const r = await ReactThreeTestRenderer.create(s.tree)
    const meshes = r.scene.findAll((n) => n.type === 'Mesh' || n.type === 'InstancedMesh')
    expect(meshes.length).toBeGreaterThan(10)
    expect(meshes.length).toBeLessThan(40) // one draw call each, far under the 60 budget
    expect(s.tracked.length).toBe(3) // the merged shells, disposed by the platform on exit

    const dispatch = (a: Parameters<ReturnType<typeof s.run.getState>['dispatch']>[0]) => act(async () => s.run.getState().dispatch(a))
    await dispatch({ type: 'start' })
    expect(s.sfx).toEqual(expect.arrayContaining(['alarm', 'crackle']))

    const clickable = r.scene.findAll((n) => typeof n.props.onClick === 'function')
    const byPos = (x: number, z: number) => clickable.find((n) => {
      const p = n.instance.position
      return Math.abs(p.x - x) < 0.2 && Math.abs(p.z - z) < 0.2
    })
    const click = async (n: unknown) => r.fireEvent(n as never, 'click', { stopPropagation: () => {} })

    await click(byPos(0.9, -5.8)) // exit sign, alarm step
    await dispatch({ type: 'next' })
    expect(s.stopped).toContain('alarm')
    await click(byPos(-1.55, -2.8)) // hot door
    await dispatch({ type: 'next' })
    await click(byPos(1.53, -1.7)) // towel on its hook
    await dispatch({ type: 'next' })
    expect(s.chosen).toEqual(['alarm-leave', 'door-back-of-hand', 'cloth-wet-towel'])

    await dispatch({ type: 'choose', choiceId: 'low-crouch' })
    await dispatch({ type: 'next' })
    const lift = clickable.find((n) => n.type === 'Group' && n.children.some((c) => Math.abs(c.instance.position.x + 1.55) < 0.05))
    await click(lift)
    expect(s.run.getState().state.feedback).toMatchObject({ choiceId: 'stairs-take-lift', correct: false })
    await dispatch({ type: 'next' })
    const stairs = clickable.find((n) => n.type === 'Group' && n !== lift)
    await click(stairs)
    expect(s.run.getState().state.feedback).toMatchObject({ choiceId: 'stairs-take-stairs', correct: true })
    await dispatch({ type: 'next' })

    // through the stairwell door, it stands open; tapping it shuts it behind you
    const stairDoor = r.scene.find((n) => n.instance.name === 'fire-stair-door')
    const hinge = stairDoor.instance.parent!
    await r.advanceFrames(120, 1 / 30)
    expect(hinge.rotation.y).toBeGreaterThan(1)
    await click(stairDoor)
    expect(s.run.getState().state.feedback).toMatchObject({ choiceId: 'close-door-shut', correct: true })
    await r.advanceFrames(120, 1 / 30)
    expect(hinge.rotation.y).toBeLessThan(0.05)
    await dispatch({ type: 'next' })
    expect(s.stopped).toContain('crackle')
    expect(s.run.getState().state.completedSteps).toEqual(['alarm', 'door', 'cloth', 'low', 'stairs', 'close-door'])

    await r.unmount()
  })
})
