import type { Choice, StepDef } from '@sophora/sdk'
import { BINS, ITEMS, choiceIdOf, stepIdOf, type Item } from './items.ts'

/**
 * One step per item: "which bin?", the four bins as choices, exactly one right.
 * Choice labels are shared (`bin.<bin>`); every choice has its own reason
 * (`feedback.<key>-<bin>`): the wrong ones say why not and where it goes.
 */
function sortStep(it: Item, cue?: string): StepDef {
  const choices: Choice[] = BINS.map((bin) => ({
    id: choiceIdOf(it.key, bin),
    label: `bin.${bin}`,
    correct: bin === it.bin,
    feedback: `feedback.${it.key}-${bin}`,
  }))
  const s: StepDef = { id: stepIdOf(it.key), prompt: `step.${it.key}.prompt`, choices }
  return cue ? { ...s, cue } : s
}

/** Only a few steps speak (30 narrations would tire everyone): the first, batteries, bones. */
const CUES: Record<string, string> = { 'plastic-bottle': 'first', 'rechargeable-battery': 'battery', 'big-bone': 'bones' }

/** Step and choice ids are stable API: the scene and tests choose them by id. */
export const steps: StepDef[] = ITEMS.map((it) => sortStep(it, CUES[it.key]))
