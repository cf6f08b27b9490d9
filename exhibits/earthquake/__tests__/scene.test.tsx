import { renderScene } from '@sophora/sdk/testing'
import { act } from 'react'
import { describe, expect, it, vi } from 'vitest'

describe('earthquake scene', () => {
  it('mounts within budget, plays every step by tapping the world, and cleans up its sounds', async () => {
    const s = await renderScene(import.meta.url)
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }) // the knocks on the pipe
    const r = s.renderer
    const meshes = r.scene.findAll((n) => n.type === 'Mesh' || n.type === 'InstancedMesh')
    expect(meshes.length).toBeGreaterThan(20)
    expect(meshes.length).toBeLessThan(60) // across all four places; only one place is visible at a time
    expect(s.tracked.length).toBe(11) // the merged shells, disposed by the platform on exit

    const state = () => s.state()
    const { dispatch } = s
    const named = (name: string) => {
      const n = r.scene.find((x) => x.instance.name === name)
      expect(typeof n.props.onClick, name).toBe('function')
      return n
    }
    const click = (name: string) => s.click(named(name))
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
    await act(async () => {
      vi.advanceTimersByTime(1000)
    })
    expect(s.sfx.filter((x) => x === 'click')).toHaveLength(3) // knock, knock, knock
    await dispatch({ type: 'next' })

    expect(state().phase).toBe('quiz')
    expect(state().completedSteps).toEqual(s.spec.steps.map((x) => x.id))
    expect(s.chosen.filter((id) => s.spec.steps.some((st) => st.choices.some((c) => c.id === id && c.correct)))).toEqual([
      'warn-act-now',
      'shaking-stay-calm',
      'cover-under-desk',
      'hold-desk-leg',
      'wait-stay-put',
      'evacuate-stairs',
      'open-playground',
      'trapped-tap-pipe',
    ])
    // scene taps do nothing in the quiz
    await click('eq-assembly-sign')
    expect(state().feedback).toBeNull()

    await r.unmount()
    vi.useRealTimers()
  })

  it('ignores taps on objects that belong to another step', async () => {
    const s = await renderScene(import.meta.url)
    const r = s.renderer
    await s.dispatch({ type: 'start' })
    const pipe = r.scene.find((x) => x.instance.name === 'eq-pipe')
    await s.click(pipe)
    expect(s.chosen).toEqual([])
    await r.unmount()
  })
})
