import type { Choice, StepDef } from '@sophora/sdk'

/**
 * A choice whose locale keys follow the convention `choice.<id>` (label) and
 * `feedback.<id>` (the reason, shown also when the choice is right).
 */
export function choice(id: string, correct = false): Choice {
  return { id, label: `choice.${id}`, correct, feedback: `feedback.${id}` }
}

/** A step whose prompt key is `step.<id>.prompt` and whose narration cue is its id. */
function step(id: string, choices: Choice[]): StepDef {
  return { id, prompt: `step.${id}.prompt`, cue: id, choices }
}

/**
 * The steps in the order a visitor plays them. Ids must equal manifest.json "steps"
 * (same order); each step has exactly one correct choice. The scene can make the
 * correct choice too (see scene/exhibit-scene.tsx).
 * TODO: replace with the exhibit's real steps.
 */
export const steps: StepDef[] = [
  step('look', [choice('look-green', true), choice('look-away')]),
  step('touch', [choice('touch-ball', true), choice('touch-run')]),
]
