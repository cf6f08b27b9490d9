import type { Choice, QuizItem } from '@sophora/sdk'
import { choice } from './steps.ts'

/** A quiz item with keys `quiz.<id>.question` and `quiz.<id>.explanation`. */
function item(id: string, choices: Choice[]): QuizItem {
  return { id, question: `quiz.${id}.question`, choices, explanation: `quiz.${id}.explanation` }
}

/**
 * Each item sets one rule against a misconception children (and adults) really hold:
 * "red is milder than blue", "shallow moving water is fine", sheltering under a billboard
 * or tree, "a wire that doesn't spark is dead", touching plugs while standing in water,
 * watching the storm at the window, going out in the eye. Choice ids start with `q-`.
 */
export const quiz: QuizItem[] = [
  item('colour-order', [choice('q-red-mildest'), choice('q-red-worst', true), choice('q-colours-same')]),
  item('shallow-water', [choice('q-wade-shallow'), choice('q-ride-through'), choice('q-turn-around', true)]),
  item('shelter', [choice('q-under-billboard'), choice('q-under-tree'), choice('q-into-building', true)]),
  item('manhole', [choice('q-whirl-harmless'), choice('q-whirl-manhole', true), choice('q-whirl-edge')]),
  item('fallen-wire', [choice('q-wire-no-spark'), choice('q-touch-wire'), choice('q-wire-stay-away', true)]),
  item('home-water', [choice('q-unplug-wet'), choice('q-mop-first'), choice('q-main-switch', true)]),
  item('orange-signal', [choice('q-watch-at-window'), choice('q-go-out-check'), choice('q-stay-away-window', true)]),
  item('typhoon-eye', [choice('q-eye-over'), choice('q-eye-quick'), choice('q-eye-stay', true)]),
]
