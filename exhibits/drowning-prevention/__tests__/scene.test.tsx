import { renderScene } from '@sophora/sdk/testing'
import { describe, expect, it } from 'vitest'

/**
 * The pond with its real steps and locale tables: every step is played by tapping the world, the
 * wrong child in the water gives the wrong answer, and the ring leaves its post once thrown.
 */
describe('drowning-prevention scene', () => {
  it('plays the four steps by tapping the grown-up, the children, the phone and the ring', async () => {
    const s = await renderScene(import.meta.url)
    const r = s.renderer
    expect(s.labels(s.ctx.t('scene.sign'))).toHaveLength(1)
    expect(s.labels(s.ctx.t('scene.call'))).toHaveLength(1)
    const meshes = r.scene.findAll((n) => n.type === 'Mesh')
    expect(meshes.length).toBeLessThan(40) // far under the 100 draw-call budget (invisible hit areas included)

    await s.click(s.byName('grown-up')) // before the start: nothing
    expect(s.chosen).toEqual([])
    await s.dispatch({ type: 'start' })
    await s.click(s.byName('phone')) // belongs to a later step: ignored
    await s.click(s.byName('grown-up'))
    await s.dispatch({ type: 'next' })

    // the loud ones are playing: wrong, and the step stays open
    await s.click(s.byName('swimmer-splashing'))
    await s.click(s.byName('swimmer-waving'))
    expect(s.state().feedback).toMatchObject({ choiceId: 'spot-waving', correct: false })
    await s.click(s.byName('swimmer-quiet'))
    await s.dispatch({ type: 'next' })

    await s.click(s.byName('phone'))
    await s.dispatch({ type: 'next' })
    const ring = s.byName('life-ring')
    expect(ring.instance.visible).toBe(true)
    await s.click(s.byName('rescue-pole'))
    expect(ring.instance.visible).toBe(false) // thrown: it floats by the child now

    expect(s.state().completedSteps).toEqual(['invite', 'spot', 'call', 'reach'])
    expect(s.chosen).toEqual(['invite-refuse-tell', 'spot-splashing', 'spot-waving', 'spot-quiet', 'call-shout-110', 'reach-throw-ring'])
    await r.advanceFrames(3, 0.1) // the animations run without throwing
    await r.unmount()
  })
})
