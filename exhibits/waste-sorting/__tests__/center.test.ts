import { centerIds, loadCenter, readExhibitData } from '@sophora/sdk/testing'
import { describe, expect, it } from 'vitest'
import { BINS, ITEMS } from '../items.ts'
import { buildSteps } from '../steps.ts'

const { locales } = readExhibitData(import.meta.url)
const { 'zh-CN': zh } = locales
const tables = (id: string) => loadCenter(id).locales('waste-sorting', locales)
const rightBin = (steps: ReturnType<typeof buildSteps>, key: string) => steps.find((s) => s.id === `item-${key}`)!.choices.find((c) => c.correct)!.id

describe('waste-sorting under a center profile', () => {
  it('shows the national bin names by default and the local ones where a city renames them', () => {
    const generic = tables('generic')
    const shanghai = tables('shanghai')
    expect(generic['zh-CN']['scene.bin.food']).toBe('厨余垃圾')
    expect(generic['zh-CN']['scene.bin.residual']).toBe('其他垃圾')
    expect(shanghai['zh-CN']['scene.bin.food']).toBe('湿垃圾')
    expect(shanghai['zh-CN']['bin.residual']).toBe('干垃圾（灰色桶）')
    expect(shanghai.en['scene.bin.food']).toBe('Wet waste')
    // the input tables are untouched
    expect(zh['scene.bin.food']).toBe('厨余垃圾')
  })

  it('gives Chengdu its own green-bin question and dry-cell rule, from its regulations', () => {
    const generic = tables('generic')
    const chengdu = tables('chengdu')
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
    for (const id of centerIds()) {
      const c = loadCenter(id)
      const keys = c.variantKeys('waste-sorting')
      for (const it of ITEMS) {
        const v = c.variant('waste-sorting', `bin.${it.key}`)
        if (v === undefined) continue
        expect(BINS as readonly string[], `${id}: bin.${it.key}`).toContain(v)
        // a text variant is an object, so it is not a plain-string variant
        for (const b of BINS) {
          const k = `feedback.${it.key}-${b}`
          expect(keys.includes(k) && c.variant('waste-sorting', k) === undefined, `${id}: ${k}`).toBe(true)
        }
      }
    }
  })
})
