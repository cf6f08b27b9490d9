import { choice, step, type StepDef } from '@sophora/sdk'

/**
 * One print from file to finished part. Step and choice ids are stable API: the scene and
 * end-to-end tests use them. In `pick-model`, tapping a model on the shelf completes the
 * step too (the scene calls `completeStep('pick-model')`, which counts as `file-sliced`).
 */
export const steps: StepDef[] = [
  step('pick-model', [choice('file-sliced', true), choice('file-photo'), choice('file-name')]),
  step('nozzle', [choice('nozzle-melt', true), choice('nozzle-glue'), choice('nozzle-laser')]),
  step('filament', [choice('filament-pla', true), choice('filament-ink'), choice('filament-steel')]),
  step('layers', [choice('layers-thin-fine', true), choice('layers-thin-fast'), choice('layers-one-go')]),
  step('supports', [choice('supports-add', true), choice('supports-faster'), choice('supports-hotter')]),
  step('finished', [choice('finished-wait-cool', true), choice('finished-grab-now'), choice('finished-wipe-nozzle')]),
]
