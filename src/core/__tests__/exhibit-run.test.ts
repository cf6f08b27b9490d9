import { describe, expect, it } from 'vitest'
import { feedbackView, initialRun, isPassed, reduceRun, type RunAction, type RunSpec, type RunState } from '../exhibit-run.ts'
import { quiz, steps } from './fixtures.ts'

const spec: RunSpec = { steps, quiz, pass: 2 }
const play = (actions: RunAction[], s: RunState = initialRun(0)) => actions.reduce((acc, a) => reduceRun(spec, acc, a), s)
const right = (id: string): RunAction[] => [{ type: 'choose', choiceId: `${id}-ok` }, { type: 'next' }]

describe('feedbackView', () => {
  const labelled: RunSpec = {
    ...spec,
    quiz: spec.quiz.map((q) => ({ ...q, choices: q.choices.map((c) => ({ ...c, label: `choice.${c.id}`, feedback: `feedback.${c.id}` })) })),
  }
  const quizAt = (choiceId: string) => {
    const s = [{ type: 'start' }, ...right('a'), ...right('b')].reduce((acc: RunState, a) => reduceRun(labelled, acc, a as RunAction), initialRun(0))
    expect(feedbackView(labelled, s)).toBeNull()
    return feedbackView(labelled, reduceRun(labelled, s, { type: 'choose', choiceId }))
  }

  it('a wrong quiz answer names the right answer, the picked choice’s reason and the explanation', () => {
    expect(quizAt('q1-no')).toEqual({ correct: false, reason: 'feedback.q1-no', rightAnswer: 'choice.q1-ok', explanation: 'q1.x' })
  })

  it('a right quiz answer gives its reason and the explanation, no right-answer line', () => {
    expect(quizAt('q1-ok')).toEqual({ correct: true, reason: 'feedback.q1-ok', rightAnswer: null, explanation: 'q1.x' })
  })

  it('a step choice gives its reason only', () => {
    const s = play([{ type: 'start' }, { type: 'choose', choiceId: 'a-no' }])
    expect(feedbackView(spec, s)).toEqual({ correct: false, reason: s.feedback!.text, rightAnswer: null, explanation: null })
  })
})

describe('exhibit run', () => {
  it('goes intro -> steps in order -> quiz -> result', () => {
    let s = play([{ type: 'start' }])
    expect(s.phase).toBe('step')
    s = play(right('a'), s)
    expect(s.stepIndex).toBe(1)
    s = play(right('b'), s)
    expect(s.phase).toBe('quiz')
    s = play([...right('q1'), ...right('q2'), ...right('q3')], s)
    expect(s.phase).toBe('result')
    expect(s.completedSteps).toEqual(['a', 'b'])
    expect(isPassed(spec, s)).toBe(true)
  })

  it('a wrong step choice explains, counts a mistake and lets the student retry', () => {
    let s = play([{ type: 'start' }, { type: 'choose', choiceId: 'a-no' }])
    expect(s.feedback).toMatchObject({ correct: false, text: 'why' })
    expect(s.mistakes).toBe(1)
    s = play([{ type: 'next' }], s)
    expect(s.phase).toBe('step')
    expect(s.stepIndex).toBe(0)
    expect(s.feedback).toBeNull()
    s = play(right('a'), s)
    expect(s.stepIndex).toBe(1)
  })

  it('cannot skip a step with next before answering it right', () => {
    const s = play([{ type: 'start' }, { type: 'next' }, { type: 'next' }])
    expect(s.stepIndex).toBe(0)
  })

  it('quiz keeps the first answer and scores it; below the pass mark fails', () => {
    let s = play([{ type: 'start' }, ...right('a'), ...right('b')])
    s = play(
      [
        { type: 'choose', choiceId: 'q1-no' },
        { type: 'choose', choiceId: 'q1-ok' },
      ],
      s,
    )
    expect(s.answers).toEqual({ q1: 'q1-no' })
    expect(s.score).toBe(0)
    s = play([{ type: 'next' }, { type: 'choose', choiceId: 'q2-no' }, { type: 'next' }, ...right('q3')], s)
    expect(s.phase).toBe('result')
    expect(s.score).toBe(1)
    expect(isPassed(spec, s)).toBe(false)
  })

  it('the scene can complete the current step, but not another one', () => {
    let s = play([{ type: 'start' }, { type: 'complete-step', stepId: 'b' }])
    expect(s.completedSteps).toEqual([])
    s = play([{ type: 'complete-step', stepId: 'a' }], s)
    expect(s.completedSteps).toEqual(['a'])
    expect(s.feedback?.correct).toBe(true)
  })

  it('ignores unknown choices and returns the same object (no spurious updates)', () => {
    const s = play([{ type: 'start' }])
    expect(reduceRun(spec, s, { type: 'choose', choiceId: 'nope' })).toBe(s)
  })

  it('jump (authoring preview) goes to a step or quiz item with earlier steps done', () => {
    let s = play([{ type: 'jump', phase: 'step', index: 1 }])
    expect(s).toMatchObject({ phase: 'step', stepIndex: 1, completedSteps: ['a'] })
    s = play([{ type: 'jump', phase: 'quiz', index: 2 }], s)
    expect(s).toMatchObject({ phase: 'quiz', quizIndex: 2, completedSteps: ['a', 'b'] })
    expect(play([{ type: 'jump', phase: 'quiz', index: 9 }], s)).toBe(s)
  })
})
