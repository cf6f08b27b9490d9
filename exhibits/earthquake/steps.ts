import { choice, step, type StepDef } from '@sophora/sdk'

/**
 * The earthquake drill, in the order a student lives it: the early-warning countdown
 * sounds (act at once), shaking starts, drop, cover and hold on, stay put until it stops,
 * go down the stairs with the teacher, gather in the open, and a last "what if you were
 * trapped". Step and choice ids are stable API: the
 * scene and end-to-end tests choose them by id.
 */
export const steps: StepDef[] = [
  step('early-warning', [choice('warn-act-now', true), choice('warn-wait-feel'), choice('warn-run-out')]),
  step('feel-shaking', [choice('shaking-stay-calm', true), choice('shaking-run-out'), choice('shaking-doorway')]),
  step('drop-cover', [choice('cover-under-desk', true), choice('cover-by-window'), choice('cover-by-bookcase')]),
  step('hold-on', [choice('hold-desk-leg', true), choice('hold-let-go'), choice('hold-look-out')]),
  step('wait-until-stops', [choice('wait-stay-put', true), choice('wait-run-now'), choice('wait-jump-window')]),
  step('evacuate', [choice('evacuate-stairs', true), choice('evacuate-lift'), choice('evacuate-push')]),
  step('open-area', [choice('open-playground', true), choice('open-by-building'), choice('open-by-wall')]),
  step('trapped', [choice('trapped-tap-pipe', true), choice('trapped-shout'), choice('trapped-dig-out')]),
]
