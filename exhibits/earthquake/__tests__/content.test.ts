import { createTestExhibit, readExhibitData } from '@sophora/sdk/testing'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { quiz } from '../quiz.ts'
import { steps } from '../steps.ts'

/**
 * What this lesson teaches. The rules every exhibit shares (manifest order, choice counts,
 * ids, locale keys in both languages, house style, a played-through run) are the contract
 * tests' (tests/contract); keys the scene names are type-checked (useExhibit<typeof zh>).
 */
const { manifest, locales } = readExhibitData(import.meta.url)
const { 'zh-CN': zh, en } = locales
const read = (p: string) => readFileSync(new URL(`../${p}`, import.meta.url), 'utf8')
const rightId = (id: string) => [...steps, ...quiz].find((x) => x.id === id)!.choices.find((c) => c.correct)!.id

describe('earthquake content', () => {
  it('plays the drill in the right order', () => {
    expect(steps.map((s) => s.id)).toEqual(['early-warning', 'feel-shaking', 'drop-cover', 'hold-on', 'wait-until-stops', 'evacuate', 'open-area', 'trapped'])
  })

  it('teaches acting on the warning, drop, cover, hold on, stay put, stairs, open ground and tapping', () => {
    expect(steps.map((s) => rightId(s.id))).toEqual([
      'warn-act-now',
      'shaking-stay-calm',
      'cover-under-desk',
      'hold-desk-leg',
      'wait-stay-put',
      'evacuate-stairs',
      'open-playground',
      'trapped-tap-pipe',
    ])
    expect(zh['choice.cover-under-desk']).toContain('伏地')
    expect(zh['choice.cover-under-desk']).toContain('遮挡')
    expect(zh['choice.hold-desk-leg']).toContain('手抓牢')
    expect(zh['narration.intro']).toContain('伏地、遮挡、手抓牢')
    expect(en['narration.intro']).toMatch(/drop, cover, hold on/i)
  })

  it('shows the warning, the lift warning, drop-cover-hold and the tap hint in the scene', () => {
    // every scene file, so a label added to a new part is seen
    const sceneKeys = readdirSync(new URL('../scene/', import.meta.url))
      .filter((f) => f.endsWith('.tsx'))
      .flatMap((f) => [...read(`scene/${f}`).matchAll(/ctx\.t\('([^']+)'\)/g)].map((m) => m[1]!))
    expect(sceneKeys).toEqual(expect.arrayContaining(['scene.warning', 'scene.lift-warning', 'scene.drop-cover-hold', 'scene.tap']))
  })

  it('covers the misconceptions as wrong answers (quiz and steps)', () => {
    const wrongQuiz = new Set(quiz.flatMap((q) => q.choices.filter((c) => !c.correct).map((c) => c.id)))
    for (const id of [
      'q-triangle-of-life',
      'q-doorway',
      'q-run-downstairs',
      'q-jump-down',
      'q-take-lift',
      'q-go-back-in',
      'q-keep-shouting',
      'q-under-power-line',
    ]) {
      expect(wrongQuiz.has(id), id).toBe(true)
    }
    const wrongSteps = new Set(steps.flatMap((s) => s.choices.filter((c) => !c.correct).map((c) => c.id)))
    for (const id of ['shaking-run-out', 'shaking-doorway', 'wait-run-now', 'wait-jump-window', 'evacuate-lift', 'open-by-building', 'trapped-shout']) {
      expect(wrongSteps.has(id), id).toBe(true)
    }
  })

  it('marks the "triangle of life" wrong and explains why it is discredited', () => {
    const item = quiz.find((q) => q.id === 'triangle-of-life')!
    const triangle = item.choices.find((c) => c.id === 'q-triangle-of-life')!
    expect(triangle.correct).toBe(false)
    expect(rightId('triangle-of-life')).toBe('q-drop-cover-hold-on')
    expect(zh[triangle.label]).toContain('生命三角')
    expect(en[triangle.label]).toMatch(/triangle of life/i)
    const zhWhy = zh['quiz.triangle-of-life.explanation']!
    const enWhy = en['quiz.triangle-of-life.explanation']!
    expect(zhWhy).toMatch(/错误/)
    expect(zhWhy).toMatch(/无法预测/)
    expect(zhWhy).toContain('伏地、遮挡、手抓牢')
    // Chinese official guidance: under the desk first; beside it only if you cannot fit; never go looking
    expect(zhWhy).toMatch(/先躲到结实的桌子下面.*躲不进去.*旁边蹲下.*护住头和脖子/)
    expect(zhWhy).toContain('千万不要去找')
    expect(enWhy).toMatch(/myth/)
    expect(enWhy).toMatch(/get under a sturdy desk first.*cannot fit.*crouch beside it.*head and neck/)
    expect(enWhy).toMatch(/never go looking/)
    expect(enWhy).toMatch(/drop, cover and hold on/)
  })

  it('mentions the "triangle of life" only where it is called wrong', () => {
    const keys = (o: Record<string, string>, re: RegExp) =>
      Object.keys(o)
        .filter((k) => re.test(o[k]!))
        .sort()
    const allowed = ['choice.q-triangle-of-life', 'feedback.q-triangle-of-life', 'quiz.triangle-of-life.explanation', 'quiz.triangle-of-life.question']
    expect(keys(zh, /生命三角/)).toEqual(allowed)
    expect(keys(en, /triangle of life/i)).toEqual(allowed)
    // the panel says 不对哦 / Not quite; the feedback itself says why it is rejected
    expect(zh['feedback.q-triangle-of-life']).toContain('没有科学依据')
    expect(en['feedback.q-triangle-of-life']).toContain('no scientific basis')
    // sources.md records it only in the section on what we reject
    const sources = read('sources.md')
    expect(sources).toMatch(/triangle of life/i)
    expect(sources).toMatch(/not taught|reject/i)
  })

  it('acts on the early-warning countdown: cover if there is no time, leave only from a low floor with time', () => {
    expect(steps[0]!.id).toBe('early-warning')
    expect(zh['step.early-warning.prompt']).toMatch(/地震预警.*倒计时.*三楼/)
    expect(zh['feedback.warn-act-now']).toMatch(/马上行动.*来不及下楼.*伏地、遮挡、手抓牢.*只有在一楼、预警时间又足够时/)
    expect(en['feedback.warn-act-now']).toMatch(/act at once.*drop, cover and hold on.*Only on the ground floor, with enough warning time/)
    const wrong = steps[0]!.choices.filter((c) => !c.correct).map((c) => c.id)
    expect(wrong).toEqual(['warn-wait-feel', 'warn-run-out'])
  })

  it('says what to do when trapped without crying out all the time, and clears the dust first', () => {
    expect(zh['choice.trapped-shout']).not.toContain('哭')
    expect(zh['choice.trapped-tap-pipe']).toMatch(/清掉脸上.*灰土.*捂住口鼻.*敲/)
    expect(en['choice.trapped-tap-pipe']).toMatch(/Wipe the dust from your face.*cover your nose and mouth.*tap/)
    expect(zh['quiz.trapped-shout.explanation']).toMatch(/清掉脸上/)
  })

  it('does not overclaim: not pushing avoids a crush, it does not guarantee there is none', () => {
    expect(zh['feedback.evacuate-stairs']).toContain('不推不挤，才能避免踩踏')
    expect(zh['feedback.evacuate-stairs']).not.toContain('就不会发生踩踏')
    expect(en['feedback.evacuate-stairs']).not.toMatch(/means nobody gets/)
  })

  it('says to crouch beside the desk only when you cannot fit under it', () => {
    expect(zh['feedback.cover-under-desk']).toMatch(/躲不进去.*紧挨着桌子蹲下.*护住头和脖子/)
    expect(en['feedback.cover-under-desk']).toMatch(/cannot fit under it, crouch right beside it/)
  })

  it('is a disaster exhibit with the 震 stamp, passed at 5 answers, about two thirds of the quiz', () => {
    expect(manifest.category).toBe('disaster')
    expect(manifest.stamp.glyph).toBe('震')
    expect(manifest.quiz.pass).toBe(5)
    expect(manifest.quiz.pass / quiz.length).toBeGreaterThanOrEqual(0.6)
    expect(manifest.quiz.pass / quiz.length).toBeLessThanOrEqual(0.75)
  })

  it('ships the rumble it plays, small', () => {
    expect(existsSync(new URL('../assets/rumble.mp3', import.meta.url))).toBe(true)
    expect(readFileSync(new URL('../assets/rumble.mp3', import.meta.url)).length).toBeLessThan(40_000)
  })
})

describe('earthquake run', () => {
  it('counts answering the triangle of life as a wrong quiz answer', () => {
    const x = createTestExhibit({ manifest, steps, quiz, locales })
    const { dispatch } = x.run.getState()
    dispatch({ type: 'jump', phase: 'quiz', index: quiz.findIndex((q) => q.id === 'triangle-of-life') })
    dispatch({ type: 'choose', choiceId: 'q-triangle-of-life' })
    const s = x.state()
    expect(s.feedback).toMatchObject({ correct: false, text: 'quiz.triangle-of-life.explanation' })
    expect(s.score).toBe(0)
    expect(s.answers['triangle-of-life']).toBe('q-triangle-of-life')
  })
})
