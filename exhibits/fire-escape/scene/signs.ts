import type { SignColors } from '@sophora/sdk'
import { COLORS as C } from './layout.ts'

/**
 * Every text on a sign in this exhibit and what is behind it; a unit test holds each pair to
 * WCAG AA (≥ 4.5:1). The scene takes its label and panel colours from here.
 */
export const SIGNS = {
  exit: { text: '#ffffff', background: C.exitGreen },
  stairs: { text: C.exitGreen, background: '#f4f4f0' },
  lift: { text: '#222222', background: '#c9ced3' },
  liftWarning: { text: C.warnRed, background: '#ffffff' },
  hot: { text: '#ffd34d', background: '#3a0a00' },
  assembly: { text: '#ffffff', background: C.exitGreen },
  call119: { text: '#ffffff', background: C.warnRed },
} as const satisfies Record<string, SignColors>
