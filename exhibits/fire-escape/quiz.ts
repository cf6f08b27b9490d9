import { choice, quizItem, type QuizItem } from '@sophora/sdk'

/**
 * Each item tests one rule against the misconception children most often hold
 * (lift, hiding, belongings, hot door, pushing through a smoke-filled stairwell,
 * stop-drop-roll, jumping, a 119 call that says too little). Choice ids start with `q-`
 * so they never clash with step choices.
 */
export const quiz: QuizItem[] = [
  quizItem('lift', [choice('q-take-lift'), choice('q-stairs', true), choice('q-run-up')]),
  quizItem('hiding', [choice('q-under-bed'), choice('q-wardrobe'), choice('q-warn-and-leave', true)]),
  quizItem('belongings', [choice('q-go-back-bag'), choice('q-ask-friend'), choice('q-stay-out', true)]),
  quizItem('hot-door', [choice('q-open-hot-door'), choice('q-peek'), choice('q-keep-closed', true)]),
  quizItem('smoky-stairwell', [choice('q-smoke-run-down'), choice('q-smoke-shut-door', true), choice('q-smoke-hide-bed')]),
  quizItem('clothes-fire', [choice('q-stop-drop-roll'), choice('q-leave-now', true), choice('q-pack-up')]),
  quizItem('high-window', [choice('q-jump-window'), choice('q-signal-help', true), choice('q-run-into-smoke')]),
  quizItem('fire-number', [choice('q-only-fire'), choice('q-tell-details', true), choice('q-no-address')]),
]
