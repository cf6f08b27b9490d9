import { choice, quizItem, type QuizItem } from '@sophora/sdk'

/**
 * Ids equal manifest.json "quiz.items"; `quizItem('q1', …)` reads `quiz.q1.question` and
 * `quiz.q1.explanation`. Quiz choice ids start with the item id so they never clash with step choices.
 * TODO: replace with real questions, each testing one rule against a common misconception.
 */
export const quiz: QuizItem[] = [
  quizItem('q1', [choice('q1-a', true), choice('q1-b'), choice('q1-c')]),
  quizItem('q2', [choice('q2-a'), choice('q2-b', true), choice('q2-c')]),
  quizItem('q3', [choice('q3-a'), choice('q3-b'), choice('q3-c', true)]),
  quizItem('q4', [choice('q4-a', true), choice('q4-b'), choice('q4-c')]),
  quizItem('q5', [choice('q5-a'), choice('q5-b', true), choice('q5-c')]),
  quizItem('q6', [choice('q6-a'), choice('q6-b'), choice('q6-c', true)]),
]
