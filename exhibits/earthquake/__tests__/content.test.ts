import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { validateExhibitFiles } from '../../../src/core/validate.ts'
import { initialRun, isPassed, reduceRun, type RunSpec, type RunState } from '../../../src/core/exhibit-run.ts'
import { steps } from '../steps.ts'
import { quiz } from '../quiz.ts'

const dir = join(dirname(fileURLToPath(import.meta.url)), '..')
const read = (p: string) => readFileSync(join(dir, p), 'utf8')
const readIf = (p: string) => (existsSync(join(dir, p)) ? read(p) : undefined)
const zh = JSON.parse(read('locales/zh-CN.json')) as Record<string, string>
const en = JSON.parse(read('locales/en.json')) as Record<string, string>
const manifest = JSON.parse(read('manifest.json')) as { steps: string[]; quiz: { items: string[]; pass: number }; narration: string[] }

const allChoices = [...steps.flatMap((s) => s.choices), ...quiz.flatMap((q) => q.choices)]
const rightId = (id: string) => [...steps, ...quiz].find((x) => x.id === id)!.choices.find((c) => c.correct)!.id

describe('earthquake content', () => {
  it('plays the drill in the right order', () => {
    expect(steps.map((s) => s.id)).toEqual(['early-warning', 'feel-shaking', 'drop-cover', 'hold-on', 'wait-until-stops', 'evacuate', 'open-area', 'trapped'])
    expect(manifest.steps).toEqual(steps.map((s) => s.id))
    expect(manifest.quiz.items).toEqual(quiz.map((q) => q.id))
  })

  it('teaches acting on the warning, drop, cover, hold on, stay put, stairs, open ground and tapping', () => {
    expect(steps.map((s) => rightId(s.id))).toEqual([
      'warn-act-now', 'shaking-stay-calm', 'cover-under-desk', 'hold-desk-leg', 'wait-stay-put', 'evacuate-stairs', 'open-playground', 'trapped-tap-pipe',
    ])
    expect(zh['choice.cover-under-desk']).toContain('伏地')
    expect(zh['choice.cover-under-desk']).toContain('遮挡')
    expect(zh['choice.hold-desk-leg']).toContain('手抓牢')
    expect(zh['narration.intro']).toContain('伏地、遮挡、手抓牢')
    expect(en['narration.intro']).toMatch(/drop, cover, hold on/i)
  })

  it('gives every step and quiz item 2-4 choices with exactly one correct', () => {
    for (const s of [...steps, ...quiz]) {
      expect(s.choices.length, s.id).toBeGreaterThanOrEqual(2)
      expect(s.choices.length, s.id).toBeLessThanOrEqual(4)
      expect(s.choices.filter((c) => c.correct), s.id).toHaveLength(1)
    }
  })

  it('uses unique kebab-case choice ids across the whole exhibit', () => {
    const ids = allChoices.map((c) => c.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  })

  it('narrates the intro, every step and the outro', () => {
    expect(manifest.narration).toContain('intro')
    expect(manifest.narration).toContain('outro')
    for (const s of steps) {
      expect(s.cue, s.id).toBe(s.id)
      expect(manifest.narration).toContain(s.cue)
    }
  })

  it('has every referenced locale key in both languages, with the same key set', () => {
    // every scene file, so a label added to a new part cannot go untranslated
    const sceneKeys = [...new Set(readdirSync(join(dir, 'scene')).filter((f) => f.endsWith('.tsx'))
      .flatMap((f) => [...read(`scene/${f}`).matchAll(/ctx\.t\('([^']+)'\)/g)].map((m) => m[1]!)))]
    expect(sceneKeys).toEqual(expect.arrayContaining(['scene.warning', 'scene.lift-warning', 'scene.drop-cover-hold', 'scene.tap']))
    const used = [
      ...steps.map((s) => s.prompt),
      ...quiz.flatMap((q) => [q.question, q.explanation]),
      ...allChoices.flatMap((c) => [c.label, c.feedback]),
      ...manifest.narration.map((n) => `narration.${n}`),
      ...sceneKeys,
      'intro.title', 'intro.body',
    ]
    for (const key of used) {
      expect(zh[key], `zh-CN: ${key}`).toBeTruthy()
      expect(en[key], `en: ${key}`).toBeTruthy()
    }
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort())
  })

  it('writes the zh-CN file in Chinese and keeps narration short', () => {
    for (const [k, v] of Object.entries(zh)) expect(/[\u4e00-\u9fff]/.test(v), `zh-CN ${k} has no Chinese`).toBe(true)
    for (const cue of manifest.narration) {
      const sentences = (zh[`narration.${cue}`] ?? '').split(/[。！？]/).filter((s) => s.trim())
      expect(sentences.length, cue).toBeLessThanOrEqual(3)
    }
  })

  it('explains every wrong step choice (feedback differs from the right one)', () => {
    for (const s of steps) {
      const right = s.choices.find((c) => c.correct)!
      expect(zh[right.feedback]!.startsWith('对'), right.id).toBe(true)
      expect(en[right.feedback]!.startsWith('Right!'), right.id).toBe(true)
      for (const c of s.choices.filter((x) => !x.correct)) {
        expect(c.feedback).not.toBe(right.feedback)
        expect(zh[c.feedback]!.startsWith('不对'), c.id).toBe(true)
        expect(en[c.feedback]!.startsWith('No.'), c.id).toBe(true)
      }
    }
  })

  it('covers the misconceptions as wrong answers (quiz and steps)', () => {
    const wrongQuiz = new Set(quiz.flatMap((q) => q.choices.filter((c) => !c.correct).map((c) => c.id)))
    expect(quiz.length).toBeGreaterThanOrEqual(6)
    for (const id of ['q-triangle-of-life', 'q-doorway', 'q-run-downstairs', 'q-jump-down', 'q-take-lift', 'q-go-back-in', 'q-keep-shouting', 'q-under-power-line']) {
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
    const keys = (o: Record<string, string>, re: RegExp) => Object.keys(o).filter((k) => re.test(o[k]!)).sort()
    const allowed = ['choice.q-triangle-of-life', 'feedback.q-triangle-of-life', 'quiz.triangle-of-life.explanation', 'quiz.triangle-of-life.question']
    expect(keys(zh, /生命三角/)).toEqual(allowed)
    expect(keys(en, /triangle of life/i)).toEqual(allowed)
    expect(zh['feedback.q-triangle-of-life']!.startsWith('不对')).toBe(true)
    expect(en['feedback.q-triangle-of-life']!.startsWith('No.')).toBe(true)
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

  it('passes the platform folder validation', () => {
    const { problems, manifest: m } = validateExhibitFiles({
      folder: 'earthquake',
      manifest: read('manifest.json'),
      locales: { 'zh-CN': readIf('locales/zh-CN.json'), en: readIf('locales/en.json') },
      hasIndex: existsSync(join(dir, 'index.ts')),
      sources: readIf('sources.md'),
    })
    expect(problems).toEqual([])
    expect(m?.quiz.pass).toBe(5)
    expect(m?.category).toBe('disaster')
    expect(m?.stamp.glyph).toBe('震')
  })

  it('ships the rumble it plays, small', () => {
    expect(existsSync(join(dir, 'assets/rumble.mp3'))).toBe(true)
    expect(readFileSync(join(dir, 'assets/rumble.mp3')).length).toBeLessThan(40_000)
  })
})

describe('earthquake run', () => {
  const spec: RunSpec = { steps, quiz, pass: manifest.quiz.pass }
  const play = (s: RunState, choiceId: string) => reduceRun(spec, s, { type: 'choose', choiceId })
  const next = (s: RunState) => reduceRun(spec, s, { type: 'next' })

  function playSteps(): RunState {
    let s = reduceRun(spec, initialRun(0), { type: 'start' })
    // one mistake first: the feedback explains it and the step stays open
    s = play(s, 'warn-wait-feel')
    expect(s.feedback).toMatchObject({ correct: false, text: 'feedback.warn-wait-feel' })
    s = next(s)
    for (const step of steps) {
      expect(s.phase).toBe('step')
      expect(steps[s.stepIndex]!.id).toBe(step.id)
      s = next(play(s, step.choices.find((c) => c.correct)!.id))
    }
    expect(s.phase).toBe('quiz')
    expect(s.completedSteps).toEqual(steps.map((x) => x.id))
    expect(s.mistakes).toBe(1)
    return s
  }

  function answerQuiz(s: RunState, rightCount: number): RunState {
    quiz.forEach((q, i) => {
      const c = q.choices.find((x) => (i < rightCount ? x.correct : !x.correct))!
      s = next(play(s, c.id))
    })
    return s
  }

  it(`passes with ${manifest.quiz.pass} correct quiz answers`, () => {
    const s = answerQuiz(playSteps(), manifest.quiz.pass)
    expect(s.phase).toBe('result')
    expect(s.score).toBe(manifest.quiz.pass)
    expect(isPassed(spec, s)).toBe(true)
  })

  it('does not pass with one correct answer fewer', () => {
    const s = answerQuiz(playSteps(), manifest.quiz.pass - 1)
    expect(s.phase).toBe('result')
    expect(isPassed(spec, s)).toBe(false)
  })

  it('passes with all quiz answers correct, and answering the triangle of life costs a point', () => {
    expect(isPassed(spec, answerQuiz(playSteps(), quiz.length))).toBe(true)
    let s = playSteps()
    s = next(play(s, 'q-triangle-of-life'))
    expect(s.score).toBe(0)
    expect(s.answers['triangle-of-life']).toBe('q-triangle-of-life')
  })

  it('needs about two thirds of the quiz to pass', () => {
    expect(manifest.quiz.pass / quiz.length).toBeGreaterThanOrEqual(0.6)
    expect(manifest.quiz.pass / quiz.length).toBeLessThanOrEqual(0.75)
  })
})
