import { choice, quizItem, type QuizItem } from '@sophora/sdk'

/**
 * Each item sets one rule against a misconception children (and adults) really hold:
 * "red is milder than blue", "shallow moving water is fine", sheltering under a billboard
 * or tree, "a wire that doesn't spark is dead", touching plugs while standing in water,
 * watching the storm at the window, going out in the eye. Choice ids start with `q-`.
 */
export const quiz: QuizItem[] = [
  quizItem('colour-order', [choice('q-red-mildest'), choice('q-red-worst', true), choice('q-colours-same')]),
  quizItem('shallow-water', [choice('q-wade-shallow'), choice('q-ride-through'), choice('q-turn-around', true)]),
  quizItem('shelter', [choice('q-under-billboard'), choice('q-under-tree'), choice('q-into-building', true)]),
  quizItem('manhole', [choice('q-whirl-harmless'), choice('q-whirl-manhole', true), choice('q-whirl-edge')]),
  quizItem('fallen-wire', [choice('q-wire-no-spark'), choice('q-touch-wire'), choice('q-wire-stay-away', true)]),
  quizItem('home-water', [choice('q-unplug-wet'), choice('q-mop-first'), choice('q-main-switch', true)]),
  quizItem('orange-signal', [choice('q-watch-at-window'), choice('q-go-out-check'), choice('q-stay-away-window', true)]),
  quizItem('typhoon-eye', [choice('q-eye-over'), choice('q-eye-quick'), choice('q-eye-stay', true)]),
]
