import { readFileSync, existsSync } from 'node:fs'
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

describe('3d-printing content', () => {
  it('plays the print from file to finished part', () => {
    expect(steps.map((s) => s.id)).toEqual(['pick-model', 'nozzle', 'filament', 'layers', 'supports', 'finished'])
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
      expect(s.cue, s.id).toBeTruthy()
      expect(manifest.narration).toContain(s.cue)
    }
  })

  it('has every referenced locale key in both languages, with the same key set', () => {
    const used = [
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
    for (const [k, v] of Object.entries(zh)) {
            expect(/[\u4e00-\u9fff]/.test(v), `zh-CN ${k} has no Chinese`).toBe(true)
    }
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

  it('teaches supports as the fix and cooling before touching', () => {
    const right = (id: string) => steps.find((s) => s.id === id)!.choices.find((c) => c.correct)!.id
    expect(right('supports')).toBe('supports-add')
    expect(right('finished')).toBe('finished-wait-cool')
    expect(quiz.length).toBeGreaterThanOrEqual(6)
    expect(zh['feedback.nozzle-melt']).toMatch(/别用手碰/)
    expect(en['feedback.nozzle-melt']).toMatch(/never touch/)
    expect(en['quiz.why-supports.explanation']).toMatch(/45 degrees from vertical/)
    expect(zh['quiz.why-supports.explanation']).toMatch(/从竖直方向斜出超过 45 度/)
    // bridging is the contrast: a short span held at both ends needs no supports
    expect(zh['quiz.why-supports.explanation']).toMatch(/搭桥/)
    expect(en['quiz.why-supports.explanation']).toMatch(/bridging/)
  })

  it('teaches the upside-down T as a right answer and the rules of a running printer', () => {
    const right = (id: string) => quiz.find((q) => q.id === id)!.choices.find((c) => c.correct)!.id
    expect(right('orientation')).toBe('q-flip-t')
    expect(zh['feedback.supports-add']).toMatch(/把 T 倒过来/)
    expect(right('printer-safety')).toBe('q-safe-watch')
    expect(zh['quiz.printer-safety.explanation']).toMatch(/手不要伸进去.*通风.*无人看管/)
    expect(en['quiz.printer-safety.explanation']).toMatch(/keep hands out.*well ventilated.*never leave it running unattended/)
    expect(zh['feedback.filament-ink']).toContain('这台熔融沉积（FDM）打印机')
    expect(zh['narration.intro']).toContain('熔融沉积打印机')
    expect(zh['narration.intro']).not.toMatch(/[A-Za-z]{2,}/) // no letters read aloud
  })

  it('passes the platform folder validation', () => {
    const { problems, manifest: m } = validateExhibitFiles({
      folder: '3d-printing',
      manifest: read('manifest.json'),
      locales: { 'zh-CN': readIf('locales/zh-CN.json'), en: readIf('locales/en.json') },
      hasIndex: existsSync(join(dir, 'index.ts')),
      sources: readIf('sources.md'),
    })
    expect(problems).toEqual([])
    expect(m?.quiz.pass).toBe(5)
  })
})

describe('3d-printing run', () => {
  const spec: RunSpec = { steps, quiz, pass: manifest.quiz.pass }
  const play = (s: RunState, choiceId: string) => reduceRun(spec, s, { type: 'choose', choiceId })
  const next = (s: RunState) => reduceRun(spec, s, { type: 'next' })

  function playSteps(): RunState {
    let s = reduceRun(spec, initialRun(0), { type: 'start' })
    // one mistake first: the feedback explains it and the step stays open
    s = play(s, 'file-photo')
    expect(s.feedback).toMatchObject({ correct: false, text: 'feedback.file-photo' })
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
