import type { Choice, QuizItem, StepDef } from '../core/exhibit-kit.ts'

/**
 * Builders for steps, choices and quiz items that follow the locale-key convention, so an
 * exhibit's steps.ts and quiz.ts list ids only and its locale files hold the words:
 *
 * | builder                 | keys it names                                              |
 * | ----------------------- | ---------------------------------------------------------- |
 * | `choice('door-slow')`   | `choice.door-slow` (label), `feedback.door-slow` (reason)  |
 * | `step('door', [...])`   | `step.door.prompt`; narration cue `door`                   |
 * | `quizItem('lift', ...)` | `quiz.lift.question`, `quiz.lift.explanation`              |
 *
 * The contract tests check that every named key exists in both languages.
 */

/** Keys a choice may name instead of the convention's (e.g. a label shared by many choices). */
export interface ChoiceKeys {
  /** locale key of the label (default `choice.<id>`) */
  label?: string
  /** locale key of the reason shown after choosing it (default `feedback.<id>`) */
  feedback?: string
}

/**
 * A choice with labels `choice.<id>` and `feedback.<id>`: the feedback says *why*, for the
 * right choice too, and never starts with a verdict (the run panel says 正确！/不对哦 itself).
 * Exactly one choice per step or quiz item is `correct`.
 * @example step('door', [choice('door-back-of-hand', true), choice('door-open-fast')])
 */
export function choice(id: string, correct = false, keys: ChoiceKeys = {}): Choice {
  return { id, label: keys.label ?? `choice.${id}`, correct, feedback: keys.feedback ?? `feedback.${id}` }
}

/** What a step may name instead of the convention's. */
export interface StepOptions {
  /** locale key of the prompt (default `step.<id>.prompt`) */
  prompt?: string
  /**
   * the narration cue played when the step opens (default: the step id; listed in
   * manifest.json "narration"); `null` for a silent step
   */
  cue?: string | null
}

/**
 * A step with prompt key `step.<id>.prompt` and narration cue `<id>`; 2–4 choices. Steps
 * are played in manifest order, and a wrong choice keeps the step open.
 */
export function step(id: string, choices: Choice[], opts: StepOptions = {}): StepDef {
  const cue = opts.cue === undefined ? id : opts.cue
  const s: StepDef = { id, prompt: opts.prompt ?? `step.${id}.prompt`, choices }
  return cue === null ? s : { ...s, cue }
}

/**
 * A quiz item with keys `quiz.<id>.question` and `quiz.<id>.explanation`; 3–4 choices. Its
 * wrong choices should be the misconceptions children really hold. Prefix quiz choice ids
 * (e.g. `q-`) so they never clash with step choices: choice ids are unique per exhibit.
 */
export function quizItem(id: string, choices: Choice[]): QuizItem {
  return { id, question: `quiz.${id}.question`, choices, explanation: `quiz.${id}.explanation` }
}
