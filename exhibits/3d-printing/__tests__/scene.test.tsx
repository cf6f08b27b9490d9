import { renderScene } from '@sophora/sdk/testing'
import { act } from 'react'
import type { Mesh } from 'three'
import { describe, expect, it } from 'vitest'

describe('3d-printing scene', () => {
  it('mounts within budget, picks a model by tapping it, and prints it layer by layer', async () => {
    const s = await renderScene(import.meta.url)
    const r = s.renderer
    const meshes = () => r.scene.findAll((n) => n.type === 'Mesh')
    expect(meshes().length).toBeGreaterThan(8)
    expect(meshes().length).toBeLessThan(30)
    const { dispatch } = s
    await dispatch({ type: 'start' })

    const signpost = r.scene.find((n) => n.props.name === 'model-signpost')
    await s.click(signpost)
    expect(s.state().completedSteps).toEqual(['pick-model'])
    expect(s.state().feedback).toMatchObject({ choiceId: 'file-sliced', correct: true })
    // a second tap after the step is done does nothing
    await s.click(r.scene.find((n) => n.props.name === 'model-mushroom'))
    expect(s.state().completedSteps).toEqual(['pick-model'])

    for (const id of ['nozzle-melt', 'filament-pla']) {
      await dispatch({ type: 'next' })
      await dispatch({ type: 'choose', choiceId: id })
    }
    await dispatch({ type: 'next' })
    expect(s.sfx).toContain('hum')
    // printing: advance frames and the draw range of the one print geometry grows
    const printMesh = () =>
      meshes()
        .map((m) => m.instance as Mesh)
        .find((m) => m.visible && m.geometry.getAttribute('aSag'))
    await act(async () => {
      await r.advanceFrames(30, 0.1)
    })
    const printed = printMesh()!
    expect(printed).toBeDefined()
    const early = printed.geometry.drawRange.count
    expect(early).toBeGreaterThan(0)
    await act(async () => {
      await r.advanceFrames(30, 0.1)
    })
    expect(printed.geometry.drawRange.count).toBeGreaterThan(early)

    await dispatch({ type: 'choose', choiceId: 'layers-thin-fine' })
    await dispatch({ type: 'next' })
    await dispatch({ type: 'choose', choiceId: 'supports-hotter' })
    expect(s.state().feedback).toMatchObject({ correct: false })
    await dispatch({ type: 'next' })
    await dispatch({ type: 'choose', choiceId: 'supports-add' })
    await act(async () => {
      await r.advanceFrames(5, 0.1)
    })
    const good = printMesh()!
    expect(good).not.toBe(printed)
    await dispatch({ type: 'next' })
    await dispatch({ type: 'choose', choiceId: 'finished-wait-cool' })
    expect(s.stopped).toContain('hum')
    expect(s.state().completedSteps).toEqual(s.spec.steps.map((x) => x.id))
    // everything built imperatively is handed to the platform for disposal
    expect(s.tracked.length).toBeGreaterThanOrEqual(7)
    await r.unmount()
  })
})
