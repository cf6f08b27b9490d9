import type { RunPhase } from '@sophora/sdk'
import type { ActiveWarning } from '../warnings.ts'

/** What the scene should show for one moment of the run; derived, never stored. */
export interface Stage {
  stepId: string | undefined
  /** the current step was answered correctly (its feedback is showing) */
  done: boolean
  /** the street in the rain (first five steps) or home (the rest, quiz and result) */
  place: 'street' | 'home'
  /** 0..1: how hard it rains (street) */
  rain: number
  /** 0..1: how hard trees and the billboard sway */
  wind: number
  /** water surface height, metres: the road (street) or the ground floor (home) */
  water: number
  /** the flood on the road is moving (flow streaks) */
  flowing: boolean
  whirlpool: boolean
  wireDown: boolean
  sparks: boolean
  /** the warning in force, shown on the roadside screen and the TV */
  warning: ActiveWarning
  /** at home: the power has been cut at the main switch */
  powerCut: boolean
  /** at home: upstairs, above the water */
  upstairs: boolean
  /** the eye of the typhoon is over us: no wind, sun at the window */
  calm: boolean
  /** loop volume of the rain sound, 0 = silent */
  rainVolume: number
  /** which tappable object invites a tap now (the right answer's object) */
  highlight: 'red-sign' | 'home-door' | 'footbridge' | 'whirlpool' | 'steps' | 'switch' | 'tv' | null
}

interface StreetLook {
  rain: number
  wind: number
  water: number
  warning: ActiveWarning
}
const STREET: Record<string, StreetLook> = {
  'warning-colours': { rain: 0.4, wind: 0.2, water: -0.13, warning: 'rain-blue' },
  'heavy-rain-warning': { rain: 0.7, wind: 0.45, water: -0.08, warning: 'rain-yellow' },
  'flooded-road': { rain: 1, wind: 0.6, water: 0.02, warning: 'rain-orange' },
  whirlpool: { rain: 1, wind: 0.7, water: 0.05, warning: 'rain-orange' },
  'power-line': { rain: 1, wind: 0.8, water: 0.06, warning: 'rain-orange' },
}
const INTRO: StreetLook = { rain: 0.3, wind: 0.15, water: -0.14, warning: 'rain-blue' }
const HIGHLIGHT: Record<string, Stage['highlight']> = {
  'warning-colours': 'red-sign',
  'heavy-rain-warning': 'home-door',
  'flooded-road': 'footbridge',
  whirlpool: 'whirlpool',
  'power-line': 'steps',
  'water-at-home': 'switch',
  'typhoon-eye': 'tv',
}
/** The road floods from this step on; the whirlpool and the fallen wire appear in theirs. */
const ORDER = ['warning-colours', 'heavy-rain-warning', 'flooded-road', 'whirlpool', 'power-line']

export function stageOf(phase: RunPhase, stepId: string | undefined, done: boolean, completed: readonly string[]): Stage {
  const inStep = phase === 'step' && stepId !== undefined
  const id = inStep ? stepId : ''
  const street = STREET[id] ?? (phase === 'intro' ? INTRO : undefined)
  const at = ORDER.indexOf(id)
  const common = { stepId: inStep ? stepId : undefined, done, highlight: inStep && !done ? (HIGHLIGHT[id] ?? null) : null }
  if (street) {
    return {
      ...common,
      place: 'street',
      ...street,
      flowing: at >= 2,
      whirlpool: at >= 3,
      wireDown: at >= 4,
      sparks: at >= 4,
      powerCut: false,
      upstairs: false,
      calm: false,
      rainVolume: 0.2 + 0.5 * street.rain,
    }
  }
  const eye = id === 'typhoon-eye'
  const upstairs = id !== 'water-at-home'
  return {
    ...common,
    place: 'home',
    rain: 0,
    wind: eye ? 0 : 1,
    water: upstairs ? 0 : 0.1,
    flowing: false,
    whirlpool: false,
    wireDown: false,
    sparks: false,
    warning: id === 'water-at-home' ? 'typhoon-orange' : 'typhoon-red',
    powerCut: completed.includes('water-at-home'),
    upstairs,
    calm: eye,
    // the sudden silence of the eye is part of the lesson
    rainVolume: eye ? 0 : 0.3,
  }
}
