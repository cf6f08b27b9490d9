import type { Command } from '../../core/station-live.ts'

/** Where the student is, as far as commands care. */
export interface Whereabouts {
  /** the exhibit page open now (null: lobby, check-in, any other page) */
  exhibitId: string | null
  /** the run's phase; null while the exhibit loads */
  phase: 'intro' | 'step' | 'quiz' | 'result' | null
  /** the current step or question has been answered (its feedback shows) */
  answered: boolean
}

/**
 * The rule that keeps a guide from interrupting a student mid-step. Only "pause everyone"
 * (and resume, join, the end of the session) acts at once. Otherwise:
 *  - launch an exhibit, check a passport in: only between exhibits — not on an exhibit page,
 *    or on its intro or result screen; mid-run they wait until the run ends or the student leaves
 *    (a passport switched mid-run would split one run over two students);
 *  - back to the lobby: between steps too — once the current step or question is answered.
 * A waiting command is shown to the student as a banner; a newer one replaces it.
 */
export function betweenExhibits(w: Whereabouts): boolean {
  return w.exhibitId === null || w.phase === null || w.phase === 'intro' || w.phase === 'result'
}

export function betweenSteps(w: Whereabouts): boolean {
  return betweenExhibits(w) || w.answered
}

export function mayActNow(c: Command, w: Whereabouts): boolean {
  switch (c.type) {
    case 'launch':
    case 'check-in':
      return betweenExhibits(w)
    case 'lobby':
      return betweenSteps(w)
    default:
      return true
  }
}
