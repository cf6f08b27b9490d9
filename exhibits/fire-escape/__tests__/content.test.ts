import { readExhibitData } from '@sophora/sdk/testing'
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { quiz } from '../quiz.ts'
import { steps } from '../steps.ts'

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
const rightId = (id: string) => [...steps, ...quiz].find((x) => x.id === id)!.choices.find((c) => c.correct)!.id

describe('fire-escape content', () => {
  it('plays the escape in the right order', () => {
    expect(steps.map((s) => s.id)).toEqual(['alarm', 'door', 'cloth', 'low', 'stairs', 'close-door', 'out'])
  })

  it('labels the exit, the lift warning and 119 in the scene', () => {
    const sceneKeys = readdirSync(new URL('../scene/', import.meta.url))
      .filter((f) => f.endsWith('.tsx'))
      .flatMap((f) => [...read(`scene/${f}`).matchAll(/ctx\.t\('([^']+)'\)/g)].map((m) => m[1]!))
    expect(sceneKeys).toEqual(expect.arrayContaining(['scene.exit', 'scene.lift-warning', 'scene.call-119']))
  })

  it('needs 5 of the quiz answers, about 60% of them, to pass', () => {
    expect(manifest.quiz.pass).toBe(5)
    expect(manifest.quiz.pass / quiz.length).toBeGreaterThanOrEqual(0.6)
    expect(manifest.quiz.pass / quiz.length).toBeLessThanOrEqual(0.75)
  })

  it('covers the six misconceptions as wrong quiz answers', () => {
    const wrong = new Set(quiz.flatMap((q) => q.choices.filter((c) => !c.correct).map((c) => c.id)))
    for (const id of [
      'q-take-lift',
      'q-under-bed',
      'q-wardrobe',
      'q-go-back-bag',
      'q-open-hot-door',
      'q-smoke-run-down',
      'q-smoke-hide-bed',
      'q-stop-drop-roll',
      'q-jump-window',
      'q-only-fire',
    ]) {
      expect(wrong.has(id), id).toBe(true)
    }
    expect(en['quiz.clothes-fire.explanation']).toMatch(/only for when your own clothes catch fire/)
    expect(zh['quiz.clothes-fire.explanation']).toMatch(/只在自己的衣服着火时才用/)
  })

  it('sounds an alarm, not the class bell, and playing on is wrong', () => {
    expect(steps[0]!.choices.find((c) => c.id === 'alarm-keep-playing')!.correct).toBe(false)
    expect(zh['narration.alarm']).not.toMatch(/丁零|叮铃|铃铃/)
    expect(zh['narration.alarm']).toMatch(/^呜/)
    expect(en['narration.alarm']).not.toMatch(/ring, ring/i)
  })

  it('takes the stairs only while the stairwell is clear; a smoke-filled stairwell means shut the door and wait', () => {
    expect(zh['step.stairs.prompt']).toContain('楼梯间里没有烟')
    expect(zh['feedback.stairs-take-stairs']).toMatch(/全是浓烟.*关门/)
    expect(en['feedback.stairs-take-stairs']).toMatch(/full of thick smoke.*shut the door/)
    expect(rightId('smoky-stairwell')).toBe('q-smoke-shut-door')
    expect(zh['quiz.smoky-stairwell.explanation']).toContain('小火快跑，大火关门')
    expect(zh['choice.q-smoke-shut-door']).toMatch(/关门.*湿毛巾.*119.*窗边/)
    expect(en['quiz.smoky-stairwell.explanation']).toMatch(/shut the door/)
  })

  it('tells hiding (wrong) apart from sheltering behind a shut door at a window (right when trapped)', () => {
    const hidingWrong = quiz
      .find((q) => q.id === 'hiding')!
      .choices.filter((c) => !c.correct)
      .map((c) => zh[c.label]!)
    expect(hidingWrong.join()).toMatch(/床底.*衣柜/)
    // the shelter answers are right, the hiding answers wrong, and both explanations say the difference
    expect(rightId('high-window')).toBe('q-signal-help')
    expect(quiz.find((q) => q.id === 'smoky-stairwell')!.choices.find((c) => c.id === 'q-smoke-hide-bed')!.correct).toBe(false)
    for (const key of ['quiz.hiding.explanation', 'quiz.high-window.explanation', 'quiz.smoky-stairwell.explanation']) {
      expect(zh[key], key).toMatch(/窗边/)
      expect(en[key], key).toMatch(/window/)
    }
    expect(zh['quiz.high-window.explanation']).toContain('和躲起来不一样')
    expect(en['quiz.high-window.explanation']).toContain('This is not hiding')
  })

  it('closes doors behind you and opens a cool door slowly, shoulder against it', () => {
    expect(rightId('close-door')).toBe('close-door-shut')
    expect(zh['feedback.close-door-shut']).toContain('随手关上')
    expect(zh['feedback.door-back-of-hand']).toMatch(/门不烫.*肩膀.*慢慢/)
    expect(en['feedback.door-back-of-hand']).toMatch(/cool.*shoulder.*slowly/)
  })

  it('asks what to tell 119: where (building, floor), what is burning, who is trapped, and not to hang up first', () => {
    expect(rightId('fire-number')).toBe('q-tell-details')
    const zhRight = zh['choice.q-tell-details']!
    for (const part of ['几号楼', '几楼', '什么东西着火', '被困', '挂']) expect(zhRight, part).toContain(part)
    expect(en['choice.q-tell-details']).toMatch(/building and floor.*burning.*trapped.*hang up/)
    expect(zh['quiz.fire-number.explanation']).toMatch(/几楼.*被困.*挂/)
  })
})
