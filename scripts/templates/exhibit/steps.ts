import { choice, step, type StepDef } from '@sophora/sdk'

/**
 * The steps in the order a visitor plays them; ids equal manifest.json "steps". `step('look', …)`
 * reads its prompt from `step.look.prompt` and narrates cue `look`; `choice('look-green', true)`
 * shows `choice.look-green` and then `feedback.look-green` (exactly one right choice per step).
 * The scene can make the choice too: see scene/exhibit-scene.tsx.
 * TODO: replace with the exhibit's real steps.
 */
export const steps: StepDef[] = [
  step('look', [choice('look-green', true), choice('look-away')]),
  step('touch', [choice('touch-ball', true), choice('touch-run')]),
]
