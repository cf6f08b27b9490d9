import type { RunState } from '@sophora/sdk'
import { BINS, type Bin } from './items.ts'

/**
 * The scoreboard's number: items sorted right on the first try, counted as
 * sorted items minus wrong throws (each wrong throw costs one point, never below 0).
 */
export function sortScore(state: Pick<RunState, 'completedSteps' | 'mistakes'>): number {
  return Math.max(0, state.completedSteps.length - state.mistakes)
}

/** Which bin a step choice id (`<key>-<bin>`) throws into; undefined for other ids. */
export function binOfChoice(choiceId: string): Bin | undefined {
  return BINS.find((b) => choiceId.endsWith(`-${b}`))
}

/** The item key of a step id (`item-<key>`). */
export function itemKeyOf(stepId: string): string {
  return stepId.startsWith('item-') ? stepId.slice(5) : stepId
}
