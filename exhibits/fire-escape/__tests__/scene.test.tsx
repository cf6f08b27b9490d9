import { renderScene } from '@sophora/sdk/testing'
import { describe, expect, it } from 'vitest'
import { TOWEL_HOOK } from '../scene/layout.ts'

describe('fire-escape scene', () => {
  it('mounts within budget, plays the steps by tapping the world, and cleans up its sounds', async () => {
    const s = await renderScene(import.meta.url)
    const r = s.renderer
    const meshes = r.scene.findAll((n) => n.type === 'Mesh' || n.type === 'InstancedMesh')
    expect(meshes.length).toBeGreaterThan(10)
    expect(meshes.length).toBeLessThan(40) // one draw call each, far under the 60 budget
    expect(s.tracked.length).toBe(7) // the smoke's texture and puff geometry, the merged shells and the two flame batches, disposed by the platform on exit

    const { dispatch } = s
    await dispatch({ type: 'start' })
    expect(s.sfx).toEqual(expect.arrayContaining(['alarm', 'crackle']))

    const clickable = r.scene.findAll((n) => typeof n.props.onClick === 'function')
    const byPos = (x: number, z: number) =>
      clickable.find((n) => {
        const p = n.instance.position
        return Math.abs(p.x - x) < 0.2 && Math.abs(p.z - z) < 0.2
      })
    const click = (n: (typeof clickable)[number] | undefined) => s.click(n!)

    await click(byPos(0.9, -5.8)) // exit sign, alarm step
    await dispatch({ type: 'next' })
    expect(s.stopped).toContain('alarm')
    await click(byPos(-1.55, -2.8)) // hot door
    await dispatch({ type: 'next' })
    await click(byPos(TOWEL_HOOK[0], TOWEL_HOOK[2])) // towel on its hook
    await dispatch({ type: 'next' })
    expect(s.chosen).toEqual(['alarm-leave', 'door-back-of-hand', 'cloth-wet-towel'])

    await dispatch({ type: 'choose', choiceId: 'low-crouch' })
    await dispatch({ type: 'next' })
    const lift = clickable.find((n) => n.type === 'Group' && n.children.some((c) => Math.abs(c.instance.position.x + 1.55) < 0.05))
    await click(lift)
    expect(s.state().feedback).toMatchObject({ choiceId: 'stairs-take-lift', correct: false })
    await dispatch({ type: 'next' })
    const stairs = clickable.find((n) => n.type === 'Group' && n !== lift)
    await click(stairs)
    expect(s.state().feedback).toMatchObject({ choiceId: 'stairs-take-stairs', correct: true })
    await dispatch({ type: 'next' })

    // through the stairwell door, it stands open; tapping it shuts it behind you
    const stairDoor = r.scene.find((n) => n.instance.name === 'fire-stair-door')
    const hinge = stairDoor.instance.parent!
    await r.advanceFrames(120, 1 / 30)
    expect(hinge.rotation.y).toBeGreaterThan(1)
    await click(stairDoor)
    expect(s.state().feedback).toMatchObject({ choiceId: 'close-door-shut', correct: true })
    await r.advanceFrames(120, 1 / 30)
    expect(hinge.rotation.y).toBeLessThan(0.05)
    await dispatch({ type: 'next' })
    expect(s.stopped).toContain('crackle')
    expect(s.state().completedSteps).toEqual(['alarm', 'door', 'cloth', 'low', 'stairs', 'close-door'])

    await r.unmount()
  })
})
