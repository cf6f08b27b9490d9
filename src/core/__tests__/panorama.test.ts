import { describe, expect, it } from 'vitest'
import { ManifestSchema } from '../manifest-schema.ts'
import { PanoramaDataSchema, panoramaIssues, panoramaSpec, stepOfChoice } from '../panorama.ts'

const data = PanoramaDataSchema.parse({
  scenes: [
    {
      id: 'hall',
      image: 'images/hall.jpg',
      hotspots: [
        { choose: 'exit-left', yaw: -30, pitch: 0 },
        { goto: 'yard', yaw: 90, pitch: -5 },
      ],
    },
    { id: 'yard', photo: 'images/yard.png' },
  ],
  steps: [{ id: 'exit', choices: ['exit-right', 'exit-left'], right: 'exit-left' }],
  quiz: [{ id: 'q1', choices: ['q1-a', 'q1-b', 'q1-c'], right: 'q1-c' }],
})
const manifest = ManifestSchema.parse({
  id: 'hall-walk',
  version: 1,
  title: { 'zh-CN': '走廊', en: 'Hall' },
  summary: { 'zh-CN': '走廊', en: 'Hall' },
  category: 'science',
  ages: [8, 15],
  minutes: 3,
  stamp: { glyph: '走', color: '#123456', label: { 'zh-CN': '走廊', en: 'Hall' } },
  steps: ['exit'],
  quiz: { items: ['q1'], pass: 1 },
  narration: ['intro', 'exit', 'outro'],
  modes: ['flat', 'vr'],
  kind: 'panorama',
})

describe('panorama data', () => {
  it('stands for steps and quiz with the template key convention; a step has a cue only when it is narrated', () => {
    const { steps, quiz } = panoramaSpec(data, manifest.narration)
    expect(steps).toEqual([
      {
        id: 'exit',
        prompt: 'step.exit.prompt',
        cue: 'exit',
        choices: [
          { id: 'exit-right', label: 'choice.exit-right', correct: false, feedback: 'feedback.exit-right' },
          { id: 'exit-left', label: 'choice.exit-left', correct: true, feedback: 'feedback.exit-left' },
        ],
      },
    ])
    expect(quiz[0]).toMatchObject({ question: 'quiz.q1.question', explanation: 'quiz.q1.explanation' })
    expect(quiz[0]!.choices.filter((c) => c.correct).map((c) => c.id)).toEqual(['q1-c'])
    expect(panoramaSpec(data, ['intro', 'outro']).steps[0]!.cue).toBeUndefined()
    expect(stepOfChoice(data, 'exit-left')).toBe('exit')
    expect(stepOfChoice(data, 'q1-a')).toBeUndefined()
  })

  it('refuses a scene with both or neither picture, and a right answer that is not a choice', () => {
    const scene = (s: object) => PanoramaDataSchema.safeParse({ ...data, scenes: [{ id: 'a', ...s }] })
    expect(scene({}).error?.issues[0]).toMatchObject({ path: ['scenes', 0, 'image'], message: expect.stringMatching(/either image .* or photo/) })
    expect(scene({ image: 'images/a.jpg', photo: 'images/b.jpg' }).success).toBe(false)
    expect(scene({ image: 'a.jpg' }).error?.issues[0]?.message).toMatch(/inside the images\/ folder/)
    const named = PanoramaDataSchema.safeParse({ ...data, scenes: [{ id: 'Big Hall', image: 'images/a.jpg' }] })
    expect(named.error?.issues[0]).toMatchObject({
      path: ['scenes', 0, 'id'],
      message: expect.stringMatching(/^the scene id must be a short name of small letters a-z/),
    })
    const bad = PanoramaDataSchema.safeParse({ ...data, steps: [{ id: 'exit', choices: ['a-1', 'a-2'], right: 'a-3' }] })
    expect(bad.error?.issues[0]).toMatchObject({ path: ['steps', 0, 'right'], message: 'the right answer must be one of the choices' })
  })

  it('cross-checks ids against the manifest and names every missing locale key', () => {
    const keys = new Set(['scene.hall', 'scene.yard', 'step.exit.prompt', 'choice.exit-right', 'feedback.exit-right', 'choice.exit-left', 'feedback.exit-left'])
    const issues = panoramaIssues(data, { ...manifest, steps: ['exit', 'stay'] }, keys)
    expect(issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['steps', `the step ids must be the manifest's "steps" in the same order: exit, stay`],
      ['quiz.0.id', 'the question has no text: add "quiz.q1.question" to both locales/zh-CN.json and locales/en.json'],
      ['quiz.0.id', 'the question has no explanation: add "quiz.q1.explanation" to both locales/zh-CN.json and locales/en.json'],
      ...['q1-a', 'q1-b', 'q1-c'].flatMap((c, j) => [
        [`quiz.0.choices.${j}`, `the answer has no label: add "choice.${c}" to both locales/zh-CN.json and locales/en.json`],
        [`quiz.0.choices.${j}`, `the answer has no feedback: add "feedback.${c}" to both locales/zh-CN.json and locales/en.json`],
      ]),
    ])
    const twice = { ...data, scenes: [data.scenes[0]!, { ...data.scenes[1]!, id: 'hall' }] }
    expect(panoramaIssues(twice, manifest, null).map((i) => i.message)).toEqual([
      'another scene is already called "hall"',
      'there is no scene "yard" (scenes: hall, hall)',
    ])
  })
})
