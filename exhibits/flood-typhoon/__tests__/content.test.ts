import { readExhibitData } from '@sophora/sdk/testing'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { quiz } from '../quiz.ts'
import { steps } from '../steps.ts'
import { WARNING_LEVELS, levelOf } from '../warnings.ts'

/**
 * What this lesson teaches. The rules every exhibit shares (manifest order, choice counts,
 * ids, locale keys in both languages, house style, a played-through run) are the contract
 * tests' (tests/contract); keys the scene names are type-checked (useExhibit<typeof zh>).
 */
const {
  manifest,
  locales: { 'zh-CN': zh, en },
} = readExhibitData(import.meta.url)
const read = (p: string) => readFileSync(new URL(`../${p}`, import.meta.url), 'utf8')
const rightOf = (choices: { id: string; correct: boolean }[]) => choices.find((c) => c.correct)!.id

describe('flood-typhoon content', () => {
  it('plays the story in the right order', () => {
    expect(steps.map((s) => s.id)).toEqual(['warning-colours', 'heavy-rain-warning', 'flooded-road', 'whirlpool', 'power-line', 'water-at-home', 'typhoon-eye'])
    expect(steps.map((s) => rightOf(s.choices))).toEqual([
      'colours-red',
      'rain-head-home',
      'road-footbridge',
      'whirlpool-manhole',
      'wire-keep-away',
      'home-power-off',
      'eye-stay-inside',
    ])
  })

  it('orders the warning colours blue < yellow < orange < red', () => {
    expect(WARNING_LEVELS.map((l) => l.id)).toEqual(['blue', 'yellow', 'orange', 'red'])
    expect(WARNING_LEVELS.map((l) => l.severity)).toEqual([1, 2, 3, 4])
    expect(WARNING_LEVELS.map((l) => l.grade)).toEqual(['IV', 'III', 'II', 'I'])
    expect(levelOf('typhoon-red').id).toBe('red')
    expect(levelOf('rain-blue').severity).toBeLessThan(levelOf('rain-yellow').severity)
    // what each colour asks of you, in both languages
    expect(zh['warning.blue.action']).toMatch(/准备/)
    expect(zh['warning.yellow.action']).toMatch(/不出门/)
    expect(zh['warning.orange.action']).toMatch(/屋里.*远离窗户/)
    expect(zh['warning.red.action']).toMatch(/安全的房子.*撤离/)
    expect(en['warning.red.action']).toMatch(/evacuation/)
    expect(zh['warning.orange.action']).toMatch(/关好门窗/)
    expect(en['warning.orange.action']).toMatch(/doors and windows shut/)
    expect(zh['feedback.colours-red']).toContain('蓝色＜黄色＜橙色＜红色')
    // which signals use the four colours, and that the per-colour advice is the typhoon one
    for (const t of [zh['step.warning-colours.prompt']!, zh['feedback.colours-red']!]) expect(t).toMatch(/暴雨预警和台风预警/)
    expect(zh['feedback.colours-red']).toMatch(/以台风预警为例/)
    expect(en['feedback.colours-red']).toMatch(/Rainstorm and typhoon warnings.*For a typhoon:/)
    expect(en['feedback.colours-red']).toContain('blue < yellow < orange < red')
  })

  it('never suggests any stick is safe near a fallen wire', () => {
    for (const [k, v] of Object.entries(zh)) expect(v, k).not.toMatch(/湿的?木棍也会导电|湿树枝也会导电/)
    for (const [k, v] of Object.entries(en)) expect(v, k).not.toMatch(/wet (stick|branch) conducts/i)
    expect(zh['feedback.wire-move-stick']).toMatch(/不管是湿木棍还是干木棍.*95598.*110/)
    expect(en['feedback.wire-move-stick']).toMatch(/with anything, wet or dry.*95598 or 110/)
    expect(zh['quiz.fallen-wire.explanation']).toMatch(/木棍、树枝也不行/)
  })

  it('keeps Latin names out of the zh-CN text a voice could read', () => {
    for (const [k, v] of Object.entries(zh)) expect(v, k).not.toMatch(/Ready\.gov|FEMA/)
  })

  it('covers the misconceptions as wrong quiz answers', () => {
    const wrong = new Set(quiz.flatMap((q) => q.choices.filter((c) => !c.correct).map((c) => c.id)))
    for (const id of [
      'q-red-mildest', // red is less serious than blue
      'q-wade-shallow',
      'q-ride-through', // "shallow" moving water
      'q-under-billboard',
      'q-under-tree', // shelter under a billboard or tree
      'q-whirl-harmless', // a whirlpool is harmless
      'q-wire-no-spark',
      'q-touch-wire', // touching a fallen wire
      'q-unplug-wet', // touching plugs in water
      'q-watch-at-window', // watching the storm at the window
      'q-eye-over',
      'q-eye-quick', // going out in the eye
    ])
      expect(wrong.has(id), id).toBe(true)
    expect(quiz.map((q) => rightOf(q.choices))).toEqual([
      'q-red-worst',
      'q-turn-around',
      'q-into-building',
      'q-whirl-manhole',
      'q-wire-stay-away',
      'q-main-switch',
      'q-stay-away-window',
      'q-eye-stay',
    ])
  })

  it('attributes the moving-water figures and names its sources', () => {
    for (const text of [zh['feedback.road-footbridge']!, zh['quiz.shallow-water.explanation']!]) {
      expect(text).toMatch(/15厘米/)
      expect(text).toMatch(/30厘米/)
      expect(text).toMatch(/美国国家气象局/)
    }
    expect(en['feedback.road-footbridge']).toMatch(/National Weather Service and Ready\.gov/)
    expect(en['quiz.shallow-water.explanation']).toMatch(/Turn Around, Don't Drown/)
    const sources = read('sources.md')
    for (const org of ['中国气象局', '应急管理部', 'Ready.gov', 'FEMA', 'National Weather Service', "Turn Around Don't Drown", '95598']) {
      expect(sources, org).toContain(org)
    }
    expect(zh['feedback.eye-stay-inside']).toMatch(/另一边/)
  })

  it('is a disaster exhibit with the 汛 stamp, passed at 5 answers', () => {
    expect(manifest.category).toBe('disaster')
    expect(manifest.stamp.glyph).toBe('汛')
    expect(manifest.quiz.pass).toBe(5)
  })

  it('ships a small generated rain loop', () => {
    const size = readFileSync(new URL('../assets/rain.mp3', import.meta.url)).length
    expect(size).toBeGreaterThan(1000)
    expect(size).toBeLessThan(40_000)
  })
})
