import type { RunPhase } from '@sophora/sdk'

export type Place = 'classroom' | 'stairwell' | 'playground' | 'rubble'
export type Highlight = 'desk' | 'desk-leg' | 'stairs' | 'assembly' | 'pipe' | null

/** What the scene should show for one moment of the run; derived, never stored. */
export interface Stage {
  stepId: string | undefined
  /** the current step was answered correctly (its feedback is showing) */
  done: boolean
  place: Place
  /** 0 = still .. 1 = strong shaking; the scene eases towards it */
  shaking: number
  /** the quake has begun: things fall (and stay fallen) in the classroom */
  quakeStarted: boolean
  /** the viewer is under their desk (the world is raised and brought closer) */
  underDesk: boolean
  /** a hand grips the desk leg */
  holding: boolean
  /** classmates and the teacher have taken cover too */
  classDucked: boolean
  /** the class has gathered at the assembly point */
  gathered: boolean
  /** the viewer tapped on the pipe (rubble) */
  tapped: boolean
  /** the early-warning loudspeaker is counting down (before the shaking arrives) */
  warning: boolean
  /** the rumbling sound plays */
  rumble: boolean
  /** which tappable object invites a tap now */
  highlight: Highlight
}

const PLACE: Record<string, Place> = {
  'early-warning': 'classroom',
  'feel-shaking': 'classroom',
  'drop-cover': 'classroom',
  'hold-on': 'classroom',
  'wait-until-stops': 'classroom',
  evacuate: 'stairwell',
  'open-area': 'playground',
  trapped: 'rubble',
}
const HIGHLIGHT: Record<string, Highlight> = {
  'early-warning': 'desk',
  'feel-shaking': 'desk',
  'drop-cover': 'desk',
  'hold-on': 'desk-leg',
  'wait-until-stops': 'desk-leg',
  evacuate: 'stairs',
  'open-area': 'assembly',
  trapped: 'pipe',
}
const SHAKING_STEPS = ['feel-shaking', 'drop-cover', 'hold-on', 'wait-until-stops']

export function stageOf(phase: RunPhase, stepId: string | undefined, done: boolean, completed: readonly string[]): Stage {
  const inStep = phase === 'step' && stepId !== undefined
  const id = inStep ? stepId : ''
  const place: Place = phase === 'intro' ? 'classroom' : inStep ? (PLACE[id] ?? 'classroom') : 'playground'
  // the shaking stops once the student has waited it out
  const shaking = SHAKING_STEPS.includes(id) && !(id === 'wait-until-stops' && done) ? 1 : 0
  const classroom = place === 'classroom'
  return {
    stepId: inStep ? stepId : undefined,
    done,
    place,
    shaking,
    // the warning comes before the shaking: nothing has fallen yet
    quakeStarted: phase !== 'intro' && id !== 'early-warning',
    underDesk: classroom && completed.includes('drop-cover'),
    holding: classroom && completed.includes('hold-on'),
    // the class takes cover on the teacher's word once the student has reacted to the warning
    classDucked: classroom && completed.includes('early-warning'),
    gathered: place === 'playground' && (completed.includes('open-area') || phase !== 'step'),
    tapped: place === 'rubble' && completed.includes('trapped'),
    warning: id === 'early-warning',
    rumble: shaking > 0,
    highlight: inStep && !done ? (HIGHLIGHT[id] ?? null) : null,
  }
}
