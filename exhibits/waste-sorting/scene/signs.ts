import type { SignColors } from '@sophora/sdk'
import { BINS, BIN_COLORS } from '../items.ts'
import { COLORS as C } from './layout.ts'

/** The scoreboard's three lines (title, score, note) on its dark green face. */
export const SCOREBOARD_TEXT = { title: '#ffe9b0', score: '#ffffff', note: '#c9f2d5' } as const
/** The small note under the scoreboard, on the hall's wall. */
export const NOTE_TEXT = '#35503a'

/**
 * Every text on a sign in this exhibit and what is behind it; a unit test holds each pair to
 * WCAG AA (≥ 4.5:1): each bin's name in white on its coloured wall sign and in the bin's colour on
 * its white plate, the scoreboard and the note on the wall.
 */
export const SIGNS: Record<string, SignColors> = {
  ...Object.fromEntries(
    BINS.flatMap((b) => [
      [`wall-${b}`, { text: '#ffffff', background: BIN_COLORS[b] }],
      [`plate-${b}`, { text: BIN_COLORS[b], background: C.plate }],
    ]),
  ),
  scoreTitle: { text: SCOREBOARD_TEXT.title, background: C.board },
  score: { text: SCOREBOARD_TEXT.score, background: C.board },
  scoreNote: { text: SCOREBOARD_TEXT.note, background: C.board },
  wallNote: { text: NOTE_TEXT, background: C.wall },
}
