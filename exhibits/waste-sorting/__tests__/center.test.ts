import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { applyTextVariants, parseCenterProfile, variantValue, type CenterProfile } from '../../../src/core/center-profile.ts'
import { BINS, ITEMS } from '../items.ts'
import { buildSteps } from '../steps.ts'

const dir = join(dirname(fileURLToPath(import.meta.url)), '..')
const root = join(dir, '..', '..')
const zh = JSON.parse(readFileSync(join(dir, 'locales/zh-CN.json'), 'utf8')) as Record<string, string>
const en = JSON.parse(readFileSync(join(dir, 'locales/en.json'), 'utf8')) as Record<string, string>
const profile = (id: string): CenterProfile => parseCenterProfile(`centers/${id}.json`, readFileSync(join(root, 'centers', `${id}.json`), 'utf8'))
const tables = (p: CenterProfile) => applyTextVariants(p, 'waste-sorting', { 'zh-CN': zh, en })
const rightBin = (steps: ReturnType<typeof buildSteps>, key: string) => steps.find((s) => s.id === `item-${key}`)!.choices.find((c) => c.correct)!.id

describe('waste-sorting under a center profile', () => {
  it('shows the national bin names by default and the local ones where a city renames them', () => {
    const generic = tables(profile('generic'))
    const shanghai = tables(profile('shanghai'))
    expect(generic['zh-CN']['scene.bin.food']).toBe('厨余垃圾')
    expect(generic['zh-CN']['scene.bin.residual']).toBe('其他垃圾')
    expect(shanghai['zh-CN']['scene.bin.food']).toBe('湿垃圾')
    expect(shanghai['zh-CN']['bin.residual']).toBe('干垃圾（灰色桶）')
    expect(shanghai.en['scene.bin.food']).toBe('Wet waste')
    // the input tables are untouched
    expect(zh['scene.bin.food']).toBe('厨余垃圾')
  })

  it('gives Chengdu its own green-bin question and dry-cell rule, from its regulations', () => {
    const generic = tables(profile('generic'))
    const chengdu = tables(profile('chengdu'))
    expect(chengdu['zh-CN']['quiz.green-bin.question']).toMatch(/^在成都，绿色桶叫“厨余垃圾”/)
    expect(generic['zh-CN']['quiz.green-bin.question']).not.toContain('成都')
    expect(chengdu['zh-CN']['quiz.battery.explanation']).toMatch(/在成都，普通的无汞干电池是其他垃圾/)
    expect(chengdu.en['quiz.battery.explanation']).toMatch(/In Chengdu, ordinary no-mercury dry cells are residual waste/)
    expect(chengdu['zh-CN']['scene.bin.food']).toBe(generic['zh-CN']['scene.bin.food'])
  })

  it('moves a disputed item to the bin a center names, and ignores a value that is no bin', () => {
    expect(rightBin(buildSteps(), 'big-bone')).toBe('big-bone-residual')
    expect(
      rightBin(
        buildSteps((k) => (k === 'big-bone' ? 'food' : undefined)),
        'big-bone',
      ),
    ).toBe('big-bone-food')
    expect(
      rightBin(
        buildSteps((k) => (k === 'big-bone' ? 'compost' : undefined)),
        'big-bone',
      ),
    ).toBe('big-bone-residual')
    expect(
      rightBin(
        buildSteps((k) => (k === 'big-bone' ? 'food' : undefined)),
        'fish-bone',
      ),
    ).toBe('fish-bone-food')
  })

  it('keeps every shipped profile consistent: bin variants name a bin and come with their four reasons', () => {
    for (const f of readdirSync(join(root, 'centers')).filter((n) => n.endsWith('.json'))) {
      const p = profile(f.replace(/\.json$/, ''))
      for (const it of ITEMS) {
        const v = variantValue(p, 'waste-sorting', `bin.${it.key}`)
        if (v === undefined) continue
        expect(BINS as readonly string[], `${f}: bin.${it.key}`).toContain(v)
        for (const b of BINS) expect(typeof p.variants['waste-sorting']?.[`feedback.${it.key}-${b}`], `${f}: feedback.${it.key}-${b}`).toBe('object')
      }
    }
  })
})
