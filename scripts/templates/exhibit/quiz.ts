import type { Choice, QuizItem } from '@sophora/sdk'
import { choice } from './steps.ts'

/** A quiz item with keys `quiz.<id>.question` and `quiz.<id>.explanation`. */
function item(id: string, choices: Choice[]): QuizItem {
  return { id, question: `quiz.${id}.question`, choices, explanation: `quiz.${id}.explanation` }
}

/**
 * Ids must equal manifest.json "quiz.items" (same order); exactly one correct choice each.
 * Quiz choice ids start with the item id so they never clash with step choices.
 * TODO: replace with real questions, each testing one rule against a common misconception.
 */
export const quiz: QuizItem[] = [
  item('q1', [choice('q1-a', true), choice('q1-b'), choice('q1-c')]),
  item('q2', [choice('q2-a'), choice('q2-b', true), choice('q2-c')]),
  item('q3', [choice('q3-a'), choice('q3-b'), choice('q3-c', true)]),
  item('q4', [choice('q4-a', true), choice('q4-b'), choice('q4-c')]),
  item('q5', [choice('q5-a'), choice('q5-b', true), choice('q5-c')]),
  item('q6', [choice('q6-a'), choice('q6-b'), choice('q6-c', true)]),
]
