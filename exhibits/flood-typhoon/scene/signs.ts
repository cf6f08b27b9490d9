import type { SignColors } from '@sophora/sdk'
import { WARNING_LEVELS } from '../warnings.ts'
import { COLORS as C } from './layout.ts'

/**
 * Every text on a sign or screen in this exhibit and what is behind it; a unit test holds each
 * pair to WCAG AA (≥ 4.5:1). The scene takes its label colours from here and from each warning
 * level's `ink` (on its colour) and `onDark` (on the board's and the TV's dark screen).
 */
export const SIGNS: Record<string, SignColors> = {
  boardTitle: { text: '#ffffff', background: C.screen },
  boardAdvice: { text: '#ffffff', background: C.screen },
  tvAdvice: { text: '#ffffff', background: C.tvScreen },
  footbridge: { text: '#ffffff', background: C.steelDark },
  switchBox: { text: '#222222', background: C.switchBox },
  eyeNote: { text: C.warnYellow, background: '#2a1a00' },
  ...Object.fromEntries(
    WARNING_LEVELS.flatMap((l) => [
      [`panel-${l.id}`, { text: l.ink, background: l.colour }],
      [`now-${l.id}`, { text: l.onDark, background: C.screen }],
    ]),
  ),
}
