import { choice, quizItem, type QuizItem } from '@sophora/sdk'

/**
 * Each item sets one rule against a misconception children really hold (the wrong answers):
 * "a good swimmer may swim in the wild", "a drowning person shouts and waves", "a hand chain
 * saves them", "jumping in is fastest", "a group is safe", "wear the ring and jump in".
 */
export const quiz: QuizItem[] = [
  quizItem('good-swimmer', [choice('q-swimmer-wild'), choice('q-swimmer-no', true), choice('q-swimmer-float')]),
  quizItem('silent', [choice('q-silent-shouts'), choice('q-silent-splash'), choice('q-silent-quiet', true)]),
  quizItem('hand-chain', [choice('q-chain-yes'), choice('q-chain-no', true), choice('q-chain-strong')]),
  quizItem('jump-in', [choice('q-jump-fastest'), choice('q-jump-call', true), choice('q-jump-home')]),
  quizItem('friends-together', [choice('q-friends-no', true), choice('q-friends-many'), choice('q-friends-ring')]),
  quizItem('ring', [choice('q-ring-wear'), choice('q-ring-play'), choice('q-ring-throw', true)]),
]
