import { renderScene } from '@sophora/sdk/testing'
import { describe, expect, it } from 'vitest'

/**
 * The Scene with its real steps, quiz and locale tables (a missing key throws; each Label3D
 * is a plain group named `label:<text>`): play the steps by tapping the world, as a visitor would.
 */
describe('__ID__ scene', () => {
  it('shows its sign and plays the steps by tapping the objects', async () => {
    const s = await renderScene(import.meta.url)
    expect(s.labels(s.ctx.t('scene.sign'))).toHaveLength(1)
    await s.click(s.byName('look-target')) // nothing answers before the run starts
    expect(s.chosen).toEqual([])

    await s.dispatch({ type: 'start' })
    await s.click(s.byName('touch-target')) // belongs to the next step: ignored
    await s.click(s.byName('look-target'))
    await s.dispatch({ type: 'next' })
    await s.click(s.byName('touch-target'))
    await s.dispatch({ type: 'next' })
    expect(s.state().completedSteps).toEqual(['look', 'touch'])
    expect(s.chosen).toEqual(['look-green', 'touch-ball'])
    await s.renderer.unmount()
  })
})
