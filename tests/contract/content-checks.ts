/**
 * The content rules every exhibit shares (the lesson-specific ones stay in each exhibit's
 * __tests__/content.test.ts): the shape of steps and quiz, the house style of the texts,
 * the locale keys named in code, and a played-through run. Like checks.ts, each function
 * returns problems (empty = fine), phrased for whoever edits the exhibit. Node only.
 */
import { readFileSync } from 'node:fs'
import { relative } from 'node:path'
import type { QuizItem, StepDef } from '../../src/core/exhibit-kit.ts'
import { initialRun, isPassed, reduceRun, type RunSpec, type RunState } from '../../src/core/exhibit-run.ts'
import { LANGS, type Manifest } from '../../src/core/manifest-schema.ts'
import { sourceFiles, type LocaleTable } from './checks.ts'

export const SHAPE = { stepChoices: [2, 4], quizChoices: [3, 4], minQuizItems: 6, narrationSentences: 3 } as const

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Choice counts, quiz length, ids (kebab-case, choice ids unique across the exhibit), narration bookends. */
export function shapeProblems(manifest: Manifest, steps: StepDef[], quiz: QuizItem[]): string[] {
  const out: string[] = []
  const sets = [
    ...steps.map((s) => ({ where: `steps.ts step "${s.id}"`, id: s.id, choices: s.choices, range: SHAPE.stepChoices })),
    ...quiz.map((q) => ({ where: `quiz.ts item "${q.id}"`, id: q.id, choices: q.choices, range: SHAPE.quizChoices })),
  ]
  const seen = new Map<string, string>()
  for (const {
    where,
    id,
    choices,
    range: [min, max],
  } of sets) {
    if (choices.length < min || choices.length > max) out.push(`${where}: has ${choices.length} choices, needs ${min} to ${max}`)
    if (!KEBAB.test(id)) out.push(`${where}: id "${id}" must be kebab-case`)
    for (const c of choices) {
      if (!KEBAB.test(c.id)) out.push(`${where}: choice id "${c.id}" must be kebab-case`)
      const first = seen.get(c.id)
      if (first !== undefined && first !== where)
        out.push(`${where}: choice id "${c.id}" is already used in ${first} (choice ids are unique across the exhibit)`)
      else seen.set(c.id, where)
    }
  }
  if (quiz.length < SHAPE.minQuizItems) out.push(`quiz.ts: has ${quiz.length} items, needs at least ${SHAPE.minQuizItems}`)
  if (manifest.narration[0] !== 'intro') out.push('manifest.json "narration" must start with "intro"')
  if (manifest.narration.at(-1) !== 'outro') out.push('manifest.json "narration" must end with "outro"')
  return out
}

/** Placeholder text from the exhibit template starts with this marker, then follows the same rules. */
const PLACEHOLDER = /^TODO: replace\.?\s*/
const body = (text: string | undefined) => (text ?? '').replace(PLACEHOLDER, '')

/** A verdict at the start of a feedback text: the run panel says it already (正确！/不对哦). */
const VERDICT: Record<string, RegExp> = {
  'zh-CN': /^(对|不对|正确|不正确|错|错误|没错)[！!。，,、]/,
  en: /^(Right|Correct|Wrong|No|Yes|Not quite|Incorrect)[!.,]/,
}

/**
 * House style: zh-CN is written in Chinese; spoken zh-CN narration is at most 3 sentences; a
 * choice's feedback (steps and quiz) says why, without opening with a verdict (对！/不对。,
 * Right!/No.): the run panel shows the verdict itself, and a doubled one reads 正确！对！.
 */
export function styleProblems(manifest: Manifest, steps: StepDef[], locales: Partial<Record<string, LocaleTable>>, quiz: QuizItem[] = []): string[] {
  const out: string[] = []
  const zh = locales['zh-CN'] ?? {}
  const en = locales.en ?? {}
  for (const [k, v] of Object.entries(zh)) if (!/[\u4e00-\u9fff]/.test(v)) out.push(`locales/zh-CN.json: "${k}" has no Chinese`)
  for (const cue of manifest.narration) {
    const n = body(zh[`narration.${cue}`])
      .split(/[。！？]/)
      .filter((x) => x.trim()).length
    if (n > SHAPE.narrationSentences) out.push(`locales/zh-CN.json: "narration.${cue}" has ${n} sentences; keep narration to ${SHAPE.narrationSentences}`)
  }
  const owners = [
    ...steps.map((s) => ({ where: `step "${s.id}"`, file: 'steps.ts', s })),
    ...quiz.map((s) => ({ where: `quiz item "${s.id}"`, file: 'quiz.ts', s })),
  ]
  for (const { where, file, s } of owners) {
    const right = s.choices.find((c) => c.correct)
    for (const c of s.choices) {
      for (const [lang, table] of [
        ['zh-CN', zh],
        ['en', en],
      ] as const) {
        const verdict = VERDICT[lang]!.exec(body(table[c.feedback]))
        if (verdict)
          out.push(
            `locales/${lang}.json: "${c.feedback}" (${where}, ${c.correct ? 'right' : 'wrong'} choice) starts with "${verdict[0]}": the panel already says it; say only why`,
          )
      }
      // a step is retried after a wrong choice, so its reason must be its own (a quiz item may share one)
      if (file === 'steps.ts' && !c.correct && right && c.feedback === right.feedback)
        out.push(`${file} ${where}: wrong choice "${c.id}" shares the right choice's feedback; explain why it is wrong`)
    }
  }
  return out
}

/** Locale keys named literally in the exhibit's code (`t('scene.exit')`, `ctx.t('x', vars)`) exist in every language. */
export function codeKeyProblems(base: string, locales: Partial<Record<string, LocaleTable>>): string[] {
  const out: string[] = []
  for (const file of sourceFiles(base)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([^'\n]+)'/g)) {
      for (const lang of LANGS) {
        if (!locales[lang]?.[m[1]!]?.trim()) out.push(`${relative(base, file)} uses locale key "${m[1]}", missing or empty in locales/${lang}.json`)
      }
    }
  }
  return out
}

/**
 * Plays the run reducer through: every wrong step choice shows its own feedback and keeps the
 * step open (and counts a mistake), the right one completes it; then the quiz answered with
 * exactly `pass` right answers passes, `pass - 1` does not, all right passes.
 */
export function playthroughProblems(spec: RunSpec): string[] {
  const out: string[] = []
  const choose = (s: RunState, choiceId: string) => reduceRun(spec, s, { type: 'choose', choiceId })
  const next = (s: RunState) => reduceRun(spec, s, { type: 'next' })
  let s = reduceRun(spec, initialRun(0), { type: 'start' })
  let wrongTries = 0
  for (const [i, step] of spec.steps.entries()) {
    if (s.phase !== 'step' || s.stepIndex !== i) return [...out, `run: step "${step.id}" should be open, found phase "${s.phase}" at index ${s.stepIndex}`]
    for (const c of step.choices.filter((x) => !x.correct)) {
      s = choose(s, c.id)
      wrongTries++
      if (s.feedback?.correct !== false || s.feedback.choiceId !== c.id || s.feedback.text !== c.feedback)
        out.push(`run: wrong choice "${c.id}" in step "${step.id}" should show its feedback "${c.feedback}"`)
      s = next(s)
      if (s.phase !== 'step' || s.stepIndex !== i) out.push(`run: step "${step.id}" should stay open after the wrong choice "${c.id}"`)
    }
    const right = step.choices.find((x) => x.correct)
    if (!right) return [...out, `run: step "${step.id}" has no right choice`]
    s = choose(s, right.id)
    if (s.feedback?.correct !== true || s.feedback.text !== right.feedback)
      out.push(`run: right choice "${right.id}" in step "${step.id}" should show its feedback "${right.feedback}"`)
    s = next(s)
  }
  if (s.phase !== 'quiz') out.push(`run: after the last step the quiz should open, found phase "${s.phase}"`)
  if (JSON.stringify(s.completedSteps) !== JSON.stringify(spec.steps.map((x) => x.id)))
    out.push(`run: completed steps [${s.completedSteps.join(', ')}] should be every step in order`)
  if (s.mistakes !== wrongTries) out.push(`run: ${s.mistakes} mistakes counted for ${wrongTries} wrong choices`)
  const afterSteps = s
  for (const [rightCount, passes] of [
    [spec.pass, true],
    [spec.pass - 1, false],
    [spec.quiz.length, true],
  ] as const) {
    let q = afterSteps
    spec.quiz.forEach((item, i) => {
      const c = item.choices.find((x) => (i < rightCount ? x.correct : !x.correct))
      if (c) q = next(choose(q, c.id))
    })
    const what = `${rightCount} of ${spec.quiz.length} right answers (manifest.json quiz.pass is ${spec.pass})`
    if (q.phase !== 'result' || q.score !== rightCount)
      out.push(`run: ${what} should end on the result with score ${rightCount}, found phase "${q.phase}" and score ${q.score}`)
    else if (isPassed(spec, q) !== passes) out.push(`run: ${what} should ${passes ? '' : 'not '}pass`)
  }
  return out
}
