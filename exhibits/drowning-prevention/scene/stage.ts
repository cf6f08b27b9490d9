import type { RunPhase } from '@sophora/sdk'

/** What the pond shows at one moment of the run; derived from the run, never stored. */
export interface Stage {
  /** the friends on the bank beckon "come and swim!" (before the invitation is turned down) */
  beckon: boolean
  /** the friends are on the bank (until the invitation is answered; then the pond belongs to others) */
  friends: boolean
  /** three children in the pond: two playing loudly, one quietly drowning */
  players: boolean
  /** the quiet child is in the water: 'struggling', 'afloat' on the thrown ring, or 'rescued' on the bank */
  drowning: 'none' | 'struggling' | 'afloat' | 'rescued'
  /** where the adult is: on the far path, running over, or at the bank */
  adult: 'path' | 'running' | 'bank'
  /** the ring has left its post and floats by the child */
  ringThrown: boolean
  /** the object that invites a tap now (the right answer's); none in "spot", which would give it away */
  highlight: 'adult' | 'phone' | 'gear' | null
}

const ORDER = ['invite', 'spot', 'call', 'reach'] as const

export function stageOf(phase: RunPhase, stepId: string | undefined, done: boolean): Stage {
  // how far the story has come: the open step, or all of it after the steps
  const at = phase === 'intro' ? -1 : phase === 'step' ? ORDER.indexOf(stepId as (typeof ORDER)[number]) : ORDER.length
  const open = phase === 'step' && !done
  const reached = at > 3 || (at === 3 && done)
  return {
    beckon: at < 0 || (at === 0 && !done),
    friends: at < 1,
    players: at === 1,
    drowning: at < 1 ? 'none' : at > 3 ? 'rescued' : reached ? 'afloat' : 'struggling',
    adult: at > 3 ? 'bank' : at === 3 || (at === 2 && done) ? 'running' : 'path',
    ringThrown: reached,
    highlight: !open ? null : at === 0 ? 'adult' : at === 2 ? 'phone' : at === 3 ? 'gear' : null,
  }
}
