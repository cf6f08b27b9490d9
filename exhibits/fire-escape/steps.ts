import { choice, step, type StepDef } from '@sophora/sdk'

/**
 * The escape, in the order a student must do it. Step and choice ids are stable API:
 * the scene and end-to-end tests choose them by id.
 */
export const steps: StepDef[] = [
  step('alarm', [choice('alarm-leave', true), choice('alarm-keep-playing'), choice('alarm-hide'), choice('alarm-find-fire')]),
  step('door', [choice('door-back-of-hand', true), choice('door-open-fast'), choice('door-palm')]),
  step('cloth', [choice('cloth-wet-towel', true), choice('cloth-hold-breath'), choice('cloth-find-mask')]),
  step('low', [choice('low-crouch', true), choice('low-run-upright'), choice('low-lie-wait')]),
  step('stairs', [choice('stairs-take-stairs', true), choice('stairs-take-lift'), choice('stairs-go-up')]),
  step('close-door', [choice('close-door-shut', true), choice('close-door-leave-open'), choice('close-door-prop-open')]),
  step('out', [choice('out-stay-call', true), choice('out-go-back'), choice('out-go-home')]),
]
