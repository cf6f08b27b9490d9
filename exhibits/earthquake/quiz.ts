import { choice, quizItem, type QuizItem } from '@sophora/sdk'

/**
 * Each item tests one rule against a misconception children (and many adults) hold:
 * the "triangle of life", the doorway, running out while it shakes, the lift, going back
 * in before the aftershocks, shouting when trapped, waiting next to walls and poles.
 * Choice ids start with `q-` so they never clash with step choices.
 */
export const quiz: QuizItem[] = [
  quizItem('triangle-of-life', [choice('q-triangle-of-life'), choice('q-drop-cover-hold-on', true), choice('q-run-out-now')]),
  quizItem('doorway', [choice('q-doorway'), choice('q-window-side'), choice('q-sturdy-desk', true)]),
  quizItem('run-outside', [choice('q-run-downstairs'), choice('q-take-cover', true), choice('q-jump-down')]),
  quizItem('lift', [choice('q-stairs', true), choice('q-take-lift'), choice('q-push-ahead')]),
  quizItem('aftershock', [choice('q-go-back-in'), choice('q-shelter-by-wall'), choice('q-stay-in-open', true)]),
  quizItem('trapped-shout', [choice('q-keep-shouting'), choice('q-tap-and-wait', true), choice('q-light-match')]),
  quizItem('safe-place', [choice('q-under-power-line'), choice('q-open-ground', true), choice('q-under-eaves')]),
]
