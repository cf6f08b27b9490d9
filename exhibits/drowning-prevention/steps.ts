import { choice, step, type StepDef } from '@sophora/sdk'

/**
 * A summer afternoon by a pond with a 禁止游泳 sign: say no to a swim, spot the one who is
 * really drowning (the quiet one), get adults and 110 first, then help from the bank with the
 * ring or the pole. Keys follow the SDK convention (step.<id>.prompt, choice.<id>, feedback.<id>).
 */
export const steps: StepDef[] = [
  step('invite', [choice('invite-refuse-tell', true), choice('invite-can-swim'), choice('invite-shallow')]),
  step('spot', [choice('spot-quiet', true), choice('spot-splashing'), choice('spot-waving')]),
  step('call', [choice('call-shout-110', true), choice('call-jump-in'), choice('call-hand-chain')]),
  step('reach', [choice('reach-throw-ring', true), choice('reach-swim-out'), choice('reach-hand')]),
]
