import type { SignColors } from '@sophora/sdk'
import { COLORS as C } from './layout.ts'

/**
 * Every text on a sign in this exhibit and what is behind it; a unit test holds each pair to
 * WCAG AA (≥ 4.5:1). The 禁止游泳 sign's red letters on its white board; the rescue post's and the
 * ring's labels float in the air, so their background is the labels' dark outline (Label3D's
 * default: white letters, outline #0b0f14).
 */
export const SIGNS: Record<string, SignColors> = {
  noSwimming: { text: C.red, background: C.board },
  rescuePost: { text: '#ffffff', background: '#0b0f14' },
  ring: { text: '#ffffff', background: '#0b0f14' },
}
