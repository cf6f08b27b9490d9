import type { SignColors } from '@sophora/sdk'
import { COLORS as C } from './layout.ts'

/**
 * Every text on a sign or board in this exhibit and what is behind it (the panel, or the
 * outline when the text floats); a unit test holds each pair to WCAG AA (≥ 4.5:1).
 */
export const SIGNS = {
  blackboard: { text: '#f5f5f0', background: C.blackboard },
  holdOn: { text: '#ffe680', background: C.blackboard },
  warning: { text: '#ff6a5a', background: '#2a0000' },
  stairs: { text: '#ffffff', background: C.exitGreen },
  lift: { text: '#222222', background: '#d9dde1' },
  liftWarning: { text: '#ffffff', background: C.warnRed },
  assembly: { text: '#ffffff', background: C.exitGreen },
} as const satisfies Record<string, SignColors>
