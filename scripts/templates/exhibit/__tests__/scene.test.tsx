import { renderScene } from '@sophora/sdk/testing'
import { describe, expect, it, vi } from 'vitest'

// troika needs a real WebGL context and font files: each Label3D becomes a group named `label:<text>`
vi.mock('@sophora/sdk', async (original) => (await import('@sophora/sdk/testing')).withLabel3DStub(await original()))

/**
 * The Scene with its real steps, quiz and locale tables (a missing key throws): play the steps
 * by tapping the world, as a visitor would.
 */
describe('__ID__ scene', () => {
  it('shows its sign and plays the steps by tapping the objects', async () => {
    const s = await renderScene(import.meta.url)
    expect(s.labels(s.ctx.t('scene.sign'))).toHaveLength(1)
    // nothing answers before the run starts
    await s.click(s.byName('look-target'))
    expect(s.chosen).toEqual([])

    await s.dispatch({ type: 'start' })
    await s.click(s.byName('touch-target')) // belongs to the next step: ignored
    await s.click(s.byName('look-target'))
    expect(s.state().feedback).toMatchObject({ choiceId: 'look-green', correct: true })
    await s.dispatch({ type: 'next' })
    await s.click(s.byName('touch-target'))
    await s.dispatch({ type: 'next' })
    expect(s.state().completedSteps).toEqual(['look', 'touch'])
    expect(s.chosen).toEqual(['look-green', 'touch-ball'])
    await s.renderer.unmount()
  })
})
