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

describe('fire-escape content', () => {
  it('plays the escape in the right order', () => {
    expect(steps.map((s) => s.id)).toEqual(['alarm', 'door', 'cloth', 'low', 'stairs', 'close-door', 'out'])
    expect(manifest.steps).toEqual(steps.map((s) => s.id))
    expect(manifest.quiz.items).toEqual(quiz.map((q) => q.id))
  })

  it('gives every step and quiz item 2-4 choices with exactly one correct', () => {
    for (const s of steps) {
      expect(s.choices.length, s.id).toBeGreaterThanOrEqual(2)
      expect(s.choices.length, s.id).toBeLessThanOrEqual(4)
      expect(s.choices.filter((c) => c.correct), s.id).toHaveLength(1)
    }
    for (const q of quiz) {
      expect(q.choices.length, q.id).toBeGreaterThanOrEqual(3)
      expect(q.choices.length, q.id).toBeLessThanOrEqual(4)
      expect(q.choices.filter((c) => c.correct), q.id).toHaveLength(1)
    }
  })

  it('uses unique choice ids across the whole exhibit', () => {
    const ids = allChoices.map((c) => c.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('narrates the intro and every step', () => {
    expect(manifest.narration).toContain('intro')
    for (const s of steps) {
      expect(s.cue, s.id).toBe(s.id)
      expect(manifest.narration).toContain(s.cue)
    }
    expect(manifest.narration.at(-1)).toBe('outro')
  })

  it('has every referenced locale key in both languages, with the same key set', () => {
    // the scene's own keys, read from its source so a new label cannot go untranslated
    const sceneKeys = [...new Set(readdirSync(join(dir, 'scene')).filter((f) => f.endsWith('.tsx'))
      .flatMap((f) => [...read(`scene/${f}`).matchAll(/ctx\.t\('([^']+)'\)/g)].map((m) => m[1]!)))]
    expect(sceneKeys).toEqual(expect.arrayContaining(['scene.exit', 'scene.lift-warning', 'scene.call-119']))
    const used = [
      ...sceneKeys,
      ...steps.map((s) => s.prompt),
      ...quiz.flatMap((q) => [q.question, q.explanation]),
      ...allChoices.flatMap((c) => [c.label, c.feedback]),
      ...manifest.narration.map((n) => `narration.${n}`),
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
      for (const c of s.choices.filter((x) => !x.correct)) {
        expect(c.feedback).not.toBe(right.feedback)
        expect(zh[c.feedback]!.startsWith('不对'), c.id).toBe(true)
        expect(en[c.feedback]!.startsWith('No.'), c.id).toBe(true)
      }
    }
  })

  it('covers the six misconceptions as wrong quiz answers', () => {
    const wrong = new Set(quiz.flatMap((q) => q.choices.filter((c) => !c.correct).map((c) => c.id)))
    expect(quiz.length).toBeGreaterThanOrEqual(6)
    for (const id of ['q-take-lift', 'q-under-bed', 'q-wardrobe', 'q-go-back-bag', 'q-open-hot-door', 'q-smoke-run-down', 'q-smoke-hide-bed', 'q-stop-drop-roll', 'q-jump-window', 'q-only-fire']) {
      expect(wrong.has(id), id).toBe(true)
    }
    expect(en['quiz.clothes-fire.explanation']).toMatch(/only for when your own clothes catch fire/)
    expect(zh['quiz.clothes-fire.explanation']).toMatch(/只在自己的衣服着火时才用/)
  })

  it('never teaches the "triangle of life"', () => {
    const all = [...Object.values(zh), ...Object.values(en), read('sources.md')].join('\n')
    expect(all).not.toMatch(/triangle of life|生命三角/i)
  })

  it('sounds an alarm, not the class bell', () => {
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
    const hidingWrong = quiz.find((q) => q.id === 'hiding')!.choices.filter((c) => !c.correct).map((c) => zh[c.label]!)
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

  it('passes the platform folder validation', () => {
    const { problems, manifest: m } = validateExhibitFiles({
      folder: 'fire-escape',
      manifest: read('manifest.json'),
      locales: { 'zh-CN': readIf('locales/zh-CN.json'), en: readIf('locales/en.json') },
      hasIndex: existsSync(join(dir, 'index.ts')),
      sources: readIf('sources.md'),
    })
    expect(problems).toEqual([])
    expect(m?.quiz.pass).toBe(5)
  })

  it('needs about 60% of the quiz to pass', () => {
    expect(manifest.quiz.pass / quiz.length).toBeGreaterThanOrEqual(0.6)
    expect(manifest.quiz.pass / quiz.length).toBeLessThanOrEqual(0.75)
  })
})

describe('fire-escape run', () => {
  const spec: RunSpec = { steps, quiz, pass: manifest.quiz.pass }
  const play = (s: RunState, choiceId: string) => reduceRun(spec, s, { type: 'choose', choiceId })
  const next = (s: RunState) => reduceRun(spec, s, { type: 'next' })

  function playSteps(): RunState {
    let s = reduceRun(spec, initialRun(0), { type: 'start' })
    // one mistake first: the feedback explains it and the step stays open
    s = play(s, 'alarm-keep-playing')
    expect(s.feedback).toMatchObject({ correct: false, text: 'feedback.alarm-keep-playing' })
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

  it('passes with 5 correct quiz answers', () => {
    const s = answerQuiz(playSteps(), 5)
    expect(s.phase).toBe('result')
    expect(s.score).toBe(5)
    expect(isPassed(spec, s)).toBe(true)
  })

  it('does not pass with only 4 correct quiz answers', () => {
    const s = answerQuiz(playSteps(), 4)
    expect(s.phase).toBe('result')
    expect(s.score).toBe(4)
    expect(isPassed(spec, s)).toBe(false)
  })

  it('passes with all quiz answers correct', () => {
    const s = answerQuiz(playSteps(), quiz.length)
    expect(isPassed(spec, s)).toBe(true)
  })
})
