import { renderScene } from '@sophora/sdk/testing'
import { describe, expect, it } from 'vitest'

describe('flood-typhoon scene', () => {
  it('mounts within budget, plays the steps by tapping the world, and cleans up its sounds', async () => {
    const s = await renderScene(import.meta.url)
    const r = s.renderer
    const meshes = r.scene.findAll((n) => n.type === 'Mesh' || n.type === 'InstancedMesh')
    expect(meshes.length).toBeGreaterThan(20)
    expect(meshes.length).toBeLessThan(60) // street and home together; only one place is visible at a time
    expect(s.tracked.length).toBe(8) // the baked and merged shells, the sky dome and the rain batch, disposed by the platform on exit
    expect(s.sfx).toContain('rain') // the storm is already on during the intro

    const { dispatch } = s
    const feedback = () => s.state().feedback
    const byName = (name: string) => r.scene.find((n) => n.instance.name === name)
    const click = (name: string) => s.click(byName(name))

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

    expect(s.state().phase).toBe('quiz')
    expect(s.state().completedSteps).toEqual(s.spec.steps.map((x) => x.id))
    expect(s.chosen).toEqual([
      'colours-blue',
      'colours-red',
      'rain-shelter-billboard',
      'rain-head-home',
      'road-wade',
      'road-footbridge',
      'whirlpool-manhole',
      'wire-move-stick',
      'wire-keep-away',
      'home-unplug-wet',
      'home-power-off',
      'eye-go-out',
      'eye-window-photo',
      'eye-stay-inside',
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
