/** The shared content rules themselves: each accepts a small good exhibit and names what breaks it. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { QuizItem, StepDef } from '../../src/core/exhibit-kit.ts'
import type { Manifest } from '../../src/core/manifest-schema.ts'
import { codeKeyProblems, playthroughProblems, shapeProblems, styleProblems } from './content-checks.ts'

const c = (id: string, correct = false) => ({ id, label: `choice.${id}`, correct, feedback: `feedback.${id}` })
const steps: StepDef[] = [
  { id: 'a', prompt: 'step.a', cue: 'a', choices: [c('a-right', true), c('a-wrong')] },
  { id: 'b', prompt: 'step.b', cue: 'b', choices: [c('b-wrong'), c('b-other'), c('b-right', true)] },
]
const quiz: QuizItem[] = Array.from({ length: 6 }, (_, i) => ({
  id: `q${i}`,
  question: `quiz.q${i}`,
  explanation: `quiz.q${i}.x`,
  choices: [c(`q${i}-a`, true), c(`q${i}-b`), c(`q${i}-c`)],
}))
const manifest = { id: 'x', steps: ['a', 'b'], quiz: { items: quiz.map((q) => q.id), pass: 4 }, narration: ['intro', 'a', 'b', 'outro'] } as unknown as Manifest
const zh: Record<string, string> = {
  'narration.intro': '你好。欢迎！',
  'feedback.a-right': '原因。',
  'feedback.a-wrong': '不对的原因。',
  'feedback.b-wrong': '对面的楼更远。',
  'feedback.b-other': 'TODO: replace 原因。',
  'feedback.b-right': 'TODO: replace 原因。',
  'feedback.q0-a': '原因。',
}
const en: Record<string, string> = {
  'feedback.a-right': 'Why.',
  'feedback.a-wrong': 'Nothing stops the smoke.',
  'feedback.b-wrong': 'Why not.',
  'feedback.b-other': 'TODO: replace. Why not.',
  'feedback.b-right': 'TODO: replace. Why.',
  'feedback.q0-a': 'Why.',
}

const tmp = mkdtempSync(join(tmpdir(), 'sophora-content-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('content checks', () => {
  it('accept a consistent exhibit, template placeholders included', () => {
    expect(shapeProblems(manifest, steps, quiz)).toEqual([])
    expect(styleProblems(manifest, steps, { 'zh-CN': zh, en }, quiz)).toEqual([])
    expect(playthroughProblems({ steps, quiz, pass: 4 })).toEqual([])
  })

  it('catch choice counts, a short quiz, ids, a shared choice id and narration without intro/outro', () => {
    const bad: StepDef[] = [
      { ...steps[0]!, id: 'Step_A', choices: [c('a-right', true)] },
      { ...steps[1]!, choices: [...steps[1]!.choices, c('a-right'), c('x'), c('y')] },
    ]
    const problems = shapeProblems(
      { ...manifest, narration: ['a', 'intro'] },
      bad,
      quiz.slice(0, 5).map((q) => ({ ...q, choices: q.choices.slice(0, 2) })),
    )
    expect(problems).toEqual(
      expect.arrayContaining([
        'steps.ts step "Step_A": has 1 choices, needs 2 to 4',
        'steps.ts step "Step_A": id "Step_A" must be kebab-case',
        'steps.ts step "b": has 6 choices, needs 2 to 4',
        'steps.ts step "b": choice id "a-right" is already used in steps.ts step "Step_A" (choice ids are unique across the exhibit)',
        'quiz.ts item "q0": has 2 choices, needs 3 to 4',
        'quiz.ts: has 5 items, needs at least 6',
        'manifest.json "narration" must start with "intro"',
        'manifest.json "narration" must end with "outro"',
      ]),
    )
  })

  it('catch English in zh-CN, long narration and feedback that repeats the panel verdict (steps and quiz)', () => {
    const problems = styleProblems(
      manifest,
      steps,
      {
        'zh-CN': {
          ...zh,
          'scene.sign': 'Exit',
          'narration.intro': '一。二。三。四。',
          'feedback.a-wrong': '不对。因为……',
          'feedback.b-right': 'TODO: replace 对！',
        },
        en: { ...en, 'feedback.a-right': 'Right! Why.', 'feedback.q0-a': 'Correct! Why.' },
      },
      quiz,
    )
    expect(problems).toEqual([
      'locales/zh-CN.json: "scene.sign" has no Chinese',
      'locales/zh-CN.json: "narration.intro" has 4 sentences; keep narration to 3',
      'locales/en.json: "feedback.a-right" (step "a", right choice) starts with "Right!": the panel already says it; say only why',
      'locales/zh-CN.json: "feedback.a-wrong" (step "a", wrong choice) starts with "不对。": the panel already says it; say only why',
      'locales/zh-CN.json: "feedback.b-right" (step "b", right choice) starts with "对！": the panel already says it; say only why',
      'locales/en.json: "feedback.q0-a" (quiz item "q0", right choice) starts with "Correct!": the panel already says it; say only why',
    ])
    const shared: StepDef[] = [{ ...steps[0]!, choices: [c('a-right', true), { ...c('a-wrong'), feedback: 'feedback.a-right' }] }]
    expect(styleProblems(manifest, shared, { 'zh-CN': zh, en }).at(-1)).toMatch(/wrong choice "a-wrong" shares the right choice's feedback/)
  })

  it('find locale keys named in code that a language lacks', () => {
    const base = join(tmp, 'x')
    mkdirSync(join(base, 'scene'), { recursive: true })
    mkdirSync(join(base, '__tests__'), { recursive: true })
    writeFileSync(join(base, 'scene', 'a.tsx'), "<Label3D>{ctx.t('scene.exit')}</Label3D>\n{t( 'scene.score', { score })}\n{ctx.t(`scene.${id}`)}")
    writeFileSync(join(base, '__tests__', 'a.test.ts'), "t('only.in.tests')")
    expect(codeKeyProblems(base, { 'zh-CN': { 'scene.exit': '出口', 'scene.score': '得分' }, en: { 'scene.exit': 'Exit' } })).toEqual([
      'scene/a.tsx uses locale key "scene.score", missing or empty in locales/en.json',
    ])
  })

  it('catch a pass mark the quiz cannot give', () => {
    expect(playthroughProblems({ steps, quiz, pass: 7 })).toEqual(
      expect.arrayContaining([expect.stringMatching(/^run: 7 of 6 right answers \(manifest.json quiz.pass is 7\) should end on the result with score 7/)]),
    )
    // a step with no right choice stops the run there
    expect(playthroughProblems({ steps: [{ ...steps[0]!, choices: [c('a-wrong')] }], quiz, pass: 4 })).toEqual(['run: step "a" has no right choice'])
  })
})
