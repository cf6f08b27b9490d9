import type { RunPhase } from '@sophora/sdk'

/** What the scene should show for one moment of the run; derived, never stored. */
export interface Stage {
  stepId: string | undefined
  /** the current step was answered correctly (its feedback is showing) */
  done: boolean
  /** the shelf models invite a tap (pick-model, not yet answered) */
  picking: boolean
  /** which print is on the plate: none, the one without supports (fails), or the good one */
  job: 'none' | 'failed' | 'good'
  /** pause the failed print just under the first overhanging layer */
  holdBeforeOverhang: boolean
  /** hurry the good print to its end (the student moved on before it finished) */
  hurry: boolean
  /** nozzle target temperature, 0 = room .. 1 = printing (about 200 °C) */
  heat: number
  /** the spool turns and feeds filament */
  feeding: boolean
  /** the supports were snapped off the finished part */
  supportsRemoved: boolean
}

const ORDER = ['pick-model', 'nozzle', 'filament', 'layers', 'supports', 'finished']

export function stageOf(phase: RunPhase, stepId: string | undefined, done: boolean, completed: readonly string[]): Stage {
  const inStep = phase === 'step' && stepId !== undefined
  const at = inStep ? ORDER.indexOf(stepId) : phase === 'intro' ? -1 : ORDER.length
  const has = (id: string) => completed.includes(id)
  const after = (id: string) => at > ORDER.indexOf(id)
  const job: Stage['job'] = has('supports') ? 'good' : at >= ORDER.indexOf('layers') ? 'failed' : 'none'
  const cooled = has('finished') || phase === 'quiz' || phase === 'result'
  return {
    stepId: inStep ? stepId : undefined,
    done,
    picking: inStep && stepId === 'pick-model' && !done,
    job,
    holdBeforeOverhang: job === 'failed' && stepId === 'layers',
    hurry: job === 'good' && after('supports'),
    heat: cooled ? 0 : at >= ORDER.indexOf('nozzle') ? 1 : 0,
    feeding: inStep && (stepId === 'filament' || job !== 'none') && !cooled,
    supportsRemoved: cooled,
  }
}
