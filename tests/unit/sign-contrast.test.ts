import { existsSync, readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { contrastRatio, type SignColors } from '../../src/core/contrast.ts'

/** Exhibits whose signs are declared (scene/signs.ts); the two below must be among them. */
const declared = readdirSync('exhibits').filter((id) => existsSync(`exhibits/${id}/scene/signs.ts`))
const MUST = ['fire-escape', 'earthquake', 'flood-typhoon', 'waste-sorting', 'drowning-prevention']

describe('WCAG contrast of sign colours', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5)
    expect(contrastRatio('#777777', '#777777')).toBe(1)
    // the exit green this check was written for: white on #12a150 is below AA
    expect(contrastRatio('#ffffff', '#12a150')).toBeCloseTo(3.37, 2)
    expect(contrastRatio('#fff', '#12a150')).toBe(contrastRatio('#12a150', '#ffffff'))
  })

  it('covers the exhibits that have signs', () => {
    for (const id of MUST) expect(declared).toContain(id)
  })

  it.each(declared)('%s: every declared text/background pair is at least 4.5:1', async (id) => {
    const mod = (await import(pathToFileURL(resolve(`exhibits/${id}/scene/signs.ts`)).href)) as { SIGNS?: Record<string, SignColors> }
    expect(mod.SIGNS, `exhibits/${id}/scene/signs.ts exports SIGNS`).toBeDefined()
    const low = Object.entries(mod.SIGNS ?? {})
      .map(([name, p]) => ({ name, ...p, ratio: Math.round(contrastRatio(p.text, p.background) * 100) / 100 }))
      .filter((p) => p.ratio < 4.5)
    expect(low, `pairs under 4.5:1 in exhibits/${id}/scene/signs.ts`).toEqual([])
  })
})
