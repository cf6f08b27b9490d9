import { choice, step, type StepDef } from '@sophora/sdk'
import { BINS, ITEMS, choiceIdOf, stepIdOf, type Bin, type Item } from './items.ts'

/**
 * One step per item: "which bin?", the four bins as choices, exactly one right.
 * Choice labels are shared (`bin.<bin>`); every choice has its own reason
 * (`feedback.<key>-<bin>`): the wrong ones say why not and where it goes.
 */
function sortStep(it: Item, bin: Bin, cue?: string): StepDef {
  const choices = BINS.map((b) => choice(choiceIdOf(it.key, b), b === bin, { label: `bin.${b}`, feedback: `feedback.${it.key}-${b}` }))
  return step(stepIdOf(it.key), choices, { prompt: `step.${it.key}.prompt`, cue: cue ?? null })
}

/** Only a few steps speak (30 narrations would tire everyone): the first, batteries, bones. */
const CUES: Record<string, string> = { 'plastic-bottle': 'first', 'rechargeable-battery': 'battery', 'big-bone': 'bones' }

const isBin = (v: string | undefined): v is Bin => (BINS as readonly string[]).includes(v ?? '')

/**
 * The steps under a center's local rules: `localBin(key)` is the center's variant
 * `bin.<item key>` (e.g. a city that puts big bones in the green bin); anything that is not
 * a bin name keeps the national default from items.ts.
 */
export function buildSteps(localBin: (itemKey: string) => string | undefined = () => undefined): StepDef[] {
  return ITEMS.map((it) => {
    const local = localBin(it.key)
    return sortStep(it, isBin(local) ? local : it.bin, CUES[it.key])
  })
}

/** The national-default steps. Step and choice ids are stable API: the scene and tests choose them by id. */
export const steps: StepDef[] = buildSteps()
