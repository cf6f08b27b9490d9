import { describe, expect, it } from 'vitest'
import { contrastRatio } from '../../../core/contrast.ts'
import { blendHex, vrPanelPairs, VR_PANEL } from '../vr-panel-colors.ts'

describe('VR run panel contrast', () => {
  it('blends like the browser composes a translucent sheet', () => {
    expect(blendHex('#000000', '#ffffff', 0.5)).toBe('#808080')
    expect(blendHex('#111814', '#ffffff', 1)).toBe('#111814')
    expect(blendHex('#111814', '#ffffff', 0)).toBe('#ffffff')
  })

  it('has every text at least 4.5:1 against what is behind it, the sheet taken over white', () => {
    const pairs = vrPanelPairs()
    // every button tone is covered
    for (const tone of Object.keys(VR_PANEL.button)) expect(pairs).toHaveProperty(`button-${tone}`)
    const low = Object.entries(pairs)
      .map(([name, p]) => ({ name, ratio: Math.round(contrastRatio(p.text, p.background) * 100) / 100 }))
      .filter((p) => p.ratio < 4.5)
    expect(low).toEqual([])
  })
})
