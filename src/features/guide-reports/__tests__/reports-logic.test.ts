import { describe, expect, it } from 'vitest'
import type { LoadedExhibit } from '../../../core/registry.ts'
import type { Misconception } from '../../../core/session-summary.ts'
import { misconceptionText } from '../exhibit-texts.ts'
import { readActivityForm } from '../activity-form.tsx'
import { summaryQuery } from '../reports-api.ts'

const choice = (id: string, correct = false) => ({ id, label: `choice.${id}`, correct, feedback: `feedback.${id}` })
const exhibit = {
  def: {
    steps: [{ id: 'stairs', prompt: 'step.stairs.prompt', choices: [choice('stairs-take-lift'), choice('stairs-take-stairs', true)] }],
    quiz: [{ id: 'lift', question: 'quiz.lift.question', explanation: 'quiz.lift.explanation', choices: [choice('q-take-lift'), choice('q-stairs', true)] }],
  },
  locales: {
    'zh-CN': { 'quiz.lift.question': '着火时可以坐电梯吗？', 'choice.q-take-lift': '坐电梯', 'choice.q-stairs': '走楼梯', 'step.stairs.prompt': '怎么下楼？' },
    en: { 'quiz.lift.question': 'Take the lift in a fire?', 'choice.q-take-lift': 'Take the lift', 'choice.q-stairs': 'Use the stairs' },
  },
} as unknown as LoadedExhibit
const m = (over: Partial<Misconception>): Misconception => ({
  exhibitId: 'fire-escape',
  kind: 'quiz',
  itemId: 'lift',
  choiceId: 'q-take-lift',
  chosen: 2,
  respondents: 3,
  share: 0.667,
  correctChoiceId: null,
  ...over,
})

describe('misconceptions in words', () => {
  it('names question, wrong and right answer from the exhibit, in the language asked for', () => {
    expect(misconceptionText(m({}), exhibit, 'zh-CN')).toEqual({ question: '着火时可以坐电梯吗？', wrong: '坐电梯', right: '走楼梯' })
    expect(misconceptionText(m({}), exhibit, 'en')).toEqual({ question: 'Take the lift in a fire?', wrong: 'Take the lift', right: 'Use the stairs' })
  })
  it('a step: its prompt, and the right choice from the exhibit (step events do not carry it); missing English falls back to Chinese', () => {
    const s = misconceptionText(m({ kind: 'step', itemId: 'stairs', choiceId: 'stairs-take-lift' }), exhibit, 'en')
    expect(s).toEqual({ question: '怎么下楼？', wrong: 'choice.stairs-take-lift', right: 'choice.stairs-take-stairs' })
  })
  it('an exhibit that did not load keeps the ids visible', () => {
    expect(misconceptionText(m({ correctChoiceId: 'q-stairs' }), null, 'zh-CN')).toEqual({ question: 'lift', wrong: 'q-take-lift', right: 'q-stairs' })
  })
})

describe('the activity form', () => {
  const form = (over: Record<string, string> = {}) => {
    const f = new FormData()
    const values = {
      topic: ' 防火讲座 ',
      type: 'lecture',
      date: '2026-03-05',
      durationMinutes: '90',
      guides: '李老师',
      audience: '40',
      volunteerHours: '2.5',
      ...over,
    }
    for (const [k, v] of Object.entries(values)) f.set(k, v)
    return f
  }
  it('reads a good form as the API input', () => {
    expect(readActivityForm(form())).toEqual({
      ok: true,
      input: { topic: '防火讲座', type: 'lecture', date: '2026-03-05', durationMinutes: 90, guides: '李老师', audience: 40, volunteerHours: 2.5 },
    })
  })
  it('names each wrong field with its message; an empty number is wrong, not zero', () => {
    expect(readActivityForm(form({ topic: ' ', audience: '', volunteerHours: '1.25', date: '' }))).toEqual({
      ok: false,
      errors: {
        topic: 'programme.error.topic',
        date: 'programme.error.date',
        audience: 'programme.error.audience',
        volunteerHours: 'programme.error.volunteerHours',
      },
    })
  })
})

it('the summary request carries only the parameters the endpoint knows', () => {
  expect(summaryQuery('?batchId=b&exhibits=fire-escape,earthquake&lang=en&passports=ABC')).toBe('?batchId=b&exhibits=fire-escape%2Cearthquake')
  expect(summaryQuery('')).toBe('')
})
