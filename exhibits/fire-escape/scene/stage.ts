import type { RunPhase } from '@sophora/sdk'

/** What the scene should show for one moment of the run; derived, never stored. */
export interface Stage {
  stepId: string | undefined
  /** the current step was answered correctly (its feedback is showing) */
  done: boolean
  /** at the outdoor assembly point (last step, quiz, result) */
  outside: boolean
  /** 0 = a thin haze under the ceiling .. 1 = thick, low smoke */
  smoke: number
  /** how far the viewer has walked down the corridor, metres */
  walked: number
  /** the viewer is crouching (the world is raised instead of the XR camera lowered) */
  crouched: boolean
  towelHeld: boolean
  alarm: boolean
  crackle: boolean
  /** the door was tested: it glows hot and says so */
  doorTested: boolean
  /** the stairwell door stands open: the student has gone through it and not yet closed it */
  stairDoorOpen: boolean
  show119: boolean
  /** which tappable object invites a tap now */
  highlight: 'exit' | 'hot-door' | 'towel' | 'low-signs' | 'stairs' | 'stair-door' | 'assembly' | null
}

const SMOKE: Record<string, number> = { alarm: 0.1, door: 0.35, cloth: 0.6, low: 1, stairs: 1, 'close-door': 1 }
const WALKED: Record<string, number> = { door: 0.8, cloth: 0.8, low: 1.5, stairs: 3, 'close-door': 3 }
const HIGHLIGHT: Record<string, Stage['highlight']> = {
  alarm: 'exit',
  door: 'hot-door',
  cloth: 'towel',
  low: 'low-signs',
  stairs: 'stairs',
  'close-door': 'stair-door',
  out: 'assembly',
}

export function stageOf(phase: RunPhase, stepId: string | undefined, done: boolean, completed: readonly string[]): Stage {
  const inStep = phase === 'step' && stepId !== undefined
  const outside = phase === 'quiz' || phase === 'result' || stepId === 'out'
  const id = inStep ? stepId : ''
  return {
    stepId: inStep ? stepId : undefined,
    done,
    outside,
    smoke: outside ? 0 : (SMOKE[id] ?? 0.1),
    walked: outside ? 0 : (WALKED[id] ?? 0),
    crouched: !outside && completed.includes('low'),
    towelHeld: !outside && completed.includes('cloth'),
    alarm: id === 'alarm',
    crackle: inStep && !outside,
    doorTested: completed.includes('door'),
    stairDoorOpen: !outside && completed.includes('stairs') && !completed.includes('close-door'),
    show119: outside && (completed.includes('out') || phase !== 'step'),
    highlight: inStep && !done ? (HIGHLIGHT[id] ?? null) : null,
  }
}
