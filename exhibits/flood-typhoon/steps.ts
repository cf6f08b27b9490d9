import { choice, step, type StepDef } from '@sophora/sdk'

/**
 * From the first warning to the typhoon's eye, in story order: the street in heavy rain
 * (warning colours, going home, the flooded road, the whirlpool, the fallen wire), then
 * home (water coming in, the calm of the eye). Step and choice ids are stable API: the
 * scene and end-to-end tests choose them by id.
 */
export const steps: StepDef[] = [
  step('warning-colours', [choice('colours-red', true), choice('colours-blue'), choice('colours-same')]),
  step('heavy-rain-warning', [choice('rain-head-home', true), choice('rain-shelter-billboard'), choice('rain-play-puddles')]),
  step('flooded-road', [choice('road-footbridge', true), choice('road-wade'), choice('road-bike')]),
  step('whirlpool', [choice('whirlpool-manhole', true), choice('whirlpool-closer'), choice('whirlpool-step-over')]),
  step('power-line', [choice('wire-keep-away', true), choice('wire-move-stick'), choice('wire-step-over')]),
  step('water-at-home', [choice('home-power-off', true), choice('home-unplug-wet'), choice('home-mop')]),
  step('typhoon-eye', [choice('eye-stay-inside', true), choice('eye-go-out'), choice('eye-window-photo')]),
]
