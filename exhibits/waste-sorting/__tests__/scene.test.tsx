import { renderScene } from '@sophora/sdk/testing'
import { describe, expect, it } from 'vitest'

describe('waste-sorting scene', () => {
  it('mounts within budget, sorts by tapping bins, and keeps score on the board', async () => {
    const s = await renderScene(import.meta.url)
    const r = s.renderer
    const meshes = r.scene.findAll((n) => n.type === 'Mesh')
    expect(meshes.length).toBeLessThan(20) // + ~14 labels: far under the 60 draw-call budget
    expect(s.tracked.length).toBe(3 + 4 + 30) // baked shell, rollers, sky dome; bin bodies; one model per item
    // the labels show the real zh-CN text (a missing key would have thrown)
    const { t } = s.ctx
    const label = (key: string, vars?: Record<string, number>) => s.labels(t(key, vars))
    expect(label('scene.score', { score: 0, total: 30 })).toHaveLength(1)

    const { dispatch } = s
    const bin = (b: string) => r.scene.find((n) => n.props.name === `bin-${b}`)
    const click = (b: string) => s.click(bin(b))

    // nothing happens before the run starts
    await click('recyclable')
    expect(s.chosen).toEqual([])

    await dispatch({ type: 'start' })
    expect(label('item.plastic-bottle')).toHaveLength(1)

    // wrong bin: counted, explained, the item bounces back and the step stays open
    await click('residual')
    expect(s.state().feedback).toMatchObject({ choiceId: 'plastic-bottle-residual', correct: false })
    expect(s.sfx).toContain('wrong')
    await click('recyclable')
    expect(s.state().feedback).toMatchObject({ choiceId: 'plastic-bottle-recyclable', correct: true })
    expect(s.sfx).toContain('correct')
    // while the right answer shows, more taps do nothing
    await click('food')
    expect(s.chosen).toEqual(['plastic-bottle-residual', 'plastic-bottle-recyclable'])

    await dispatch({ type: 'next' })
    expect(label('item.fruit-peel')).toHaveLength(1)
    await click('food')
    await dispatch({ type: 'next' })
    expect(s.state().completedSteps).toEqual(['item-plastic-bottle', 'item-fruit-peel'])
    expect(label('scene.score', { score: 1, total: 30 })).toHaveLength(1) // 2 sorted - 1 wrong throw
    expect(label('scene.count', { n: 3, total: 30 })).toHaveLength(1)

    // a frame runs the animations without throwing
    await r.advanceFrames(3, 0.1)
    await r.unmount()
  })
})
