import type { QuizItem, StepDef } from './exhibit-kit.ts'

/**
 * The guided flow of one exhibit visit as a pure reducer: intro -> steps -> quiz -> result.
 * The platform renders it (DOM panel in flat mode, 3D panel in VR); scenes read it to animate.
 */
/** Where a visit is: the intro card, a step, the quiz, or the result (stamp or retry). */
export type RunPhase = 'intro' | 'step' | 'quiz' | 'result'

/** The answer to the last choice, shown by the run panel until `next` (or a retry). */
export interface Feedback {
  choiceId: string
  correct: boolean
  /** locale key: the reason (step) or explanation (quiz) */
  text: string
}

/** One visit's progress (read it with useRun; only the platform changes it). */
export interface RunState {
  phase: RunPhase
  /** index into the steps (manifest order), meaningful in phase 'step' */
  stepIndex: number
  /** index into the quiz items, meaningful in phase 'quiz' */
  quizIndex: number
  /** set after a choice; cleared by `next` (correct) or the next choice (retry) */
  feedback: Feedback | null
  /** step ids completed so far, in order */
  completedSteps: string[]
  /** wrong step choices so far (quiz answers are scored, not counted here) */
  mistakes: number
  /** quiz id -> first choice id */
  answers: Record<string, string>
  /** right quiz answers (first try) */
  score: number
  /** when the visitor pressed start, in ms (the platform's clock) */
  startedAt: number
}

export interface RunSpec {
  steps: StepDef[]
  quiz: QuizItem[]
  pass: number
}

export type RunAction =
  | { type: 'start' }
  | { type: 'choose'; choiceId: string }
  | { type: 'complete-step'; stepId: string }
  | { type: 'next' }
  /** Authoring preview only: go straight to a step or quiz item, earlier steps counted done. */
  | { type: 'jump'; phase: 'step' | 'quiz'; index: number }

export function initialRun(now: number): RunState {
  return { phase: 'intro', stepIndex: 0, quizIndex: 0, feedback: null, completedSteps: [], mistakes: 0, answers: {}, score: 0, startedAt: now }
}

export function currentStep(spec: RunSpec, s: RunState): StepDef | undefined {
  return s.phase === 'step' ? spec.steps[s.stepIndex] : undefined
}
export function currentQuiz(spec: RunSpec, s: RunState): QuizItem | undefined {
  return s.phase === 'quiz' ? spec.quiz[s.quizIndex] : undefined
}

export function isPassed(spec: RunSpec, s: RunState): boolean {
  return s.completedSteps.length === spec.steps.length && s.score >= spec.pass
}

function markStepDone(s: RunState, id: string, choiceId: string, text: string): RunState {
  const completedSteps = s.completedSteps.includes(id) ? s.completedSteps : [...s.completedSteps, id]
  return { ...s, completedSteps, feedback: { choiceId, correct: true, text } }
}

function advance(spec: RunSpec, s: RunState): RunState {
  if (s.phase === 'step') {
    if (s.stepIndex + 1 < spec.steps.length) return { ...s, stepIndex: s.stepIndex + 1, feedback: null }
    return spec.quiz.length > 0 ? { ...s, phase: 'quiz', quizIndex: 0, feedback: null } : { ...s, phase: 'result', feedback: null }
  }
  if (s.phase === 'quiz') {
    if (s.quizIndex + 1 < spec.quiz.length) return { ...s, quizIndex: s.quizIndex + 1, feedback: null }
    return { ...s, phase: 'result', feedback: null }
  }
  return s
}

/** Returns the same object when the action does not apply (cheap change detection). */
export function reduceRun(spec: RunSpec, s: RunState, a: RunAction): RunState {
  switch (a.type) {
    case 'start':
      if (s.phase !== 'intro') return s
      return spec.steps.length > 0 ? { ...s, phase: 'step', stepIndex: 0 } : advance(spec, { ...s, phase: 'step', stepIndex: -1 })
    case 'complete-step': {
      const step = currentStep(spec, s)
      if (!step || step.id !== a.stepId || s.feedback?.correct) return s
      const right = step.choices.find((c) => c.correct)
      return markStepDone(s, step.id, right?.id ?? 'scene', right?.feedback ?? '')
    }
    case 'choose': {
      if (s.feedback?.correct || (s.phase === 'quiz' && s.feedback)) return s
      const step = currentStep(spec, s)
      if (step) {
        const c = step.choices.find((x) => x.id === a.choiceId)
        if (!c) return s
        if (c.correct) return markStepDone(s, step.id, c.id, c.feedback)
        return { ...s, mistakes: s.mistakes + 1, feedback: { choiceId: c.id, correct: false, text: c.feedback } }
      }
      const item = currentQuiz(spec, s)
      if (item) {
        const c = item.choices.find((x) => x.id === a.choiceId)
        if (!c) return s
        return {
          ...s,
          answers: { ...s.answers, [item.id]: c.id },
          score: s.score + (c.correct ? 1 : 0),
          feedback: { choiceId: c.id, correct: c.correct, text: item.explanation },
        }
      }
      return s
    }
    case 'jump': {
      const max = a.phase === 'step' ? spec.steps.length : spec.quiz.length
      if (a.index < 0 || a.index >= max) return s
      const doneSteps = spec.steps.slice(0, a.phase === 'step' ? a.index : spec.steps.length).map((x) => x.id)
      return {
        ...s,
        phase: a.phase,
        stepIndex: a.phase === 'step' ? a.index : s.stepIndex,
        quizIndex: a.phase === 'quiz' ? a.index : 0,
        feedback: null,
        completedSteps: doneSteps,
      }
    }
    case 'next':
      if (!s.feedback) return s
      if (s.phase === 'step' && !s.feedback.correct) return { ...s, feedback: null }
      return advance(spec, s)
  }
}

/** What the run panels show after a choice, as locale keys of the exhibit (see feedbackView). */
export interface FeedbackView {
  correct: boolean
  /** why the picked choice is right or wrong (the choice's `feedback`); never opens with a verdict */
  reason: string
  /** quiz, wrong answer: the right choice's label, so the visitor leaves knowing it */
  rightAnswer: string | null
  /** quiz: the item's explanation */
  explanation: string | null
}

/**
 * The feedback of the open step or quiz item, or null before a choice. The panel says the
 * verdict itself (正确！/不对哦, one wording everywhere), so the exhibit's texts say only why.
 */
export function feedbackView(spec: RunSpec, s: RunState): FeedbackView | null {
  const f = s.feedback
  if (!f) return null
  const item = currentQuiz(spec, s)
  if (!item) return { correct: f.correct, reason: f.text, rightAnswer: null, explanation: null }
  const picked = item.choices.find((c) => c.id === f.choiceId)
  const right = item.choices.find((c) => c.correct)
  return { correct: f.correct, reason: picked?.feedback ?? '', rightAnswer: f.correct ? null : (right?.label ?? null), explanation: item.explanation }
}
