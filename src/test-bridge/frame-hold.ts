import { addAfterEffect } from '@react-three/fiber'
import { getStage, readRendererCounts } from '../scene/stage-probe.ts'

/** Set by a test's init script (before the app's scripts run): the page starts with its stage held. */
export const HOLD_FLAG = '__sophoraHoldFrames'

/** Drawing on demand for tests (see `hold` in bridge.ts). */
export interface FrameHold {
  /** on: the stage draws only the frames a test asks for with `draw`; off: it draws as it ships */
  hold(on: boolean): void
  /** let the stage draw `n` more frames, then hold again (nothing to do when not held) */
  draw(n: number): void
  held(): boolean
}

/**
 * SwiftShader draws on the CPU, and an open exhibit draws the whole time a test waits on the
 * DOM (a quiz, a server round trip): most of the e2e suite's CPU went to frames nobody looked
 * at. Held, the stage's R3F loop is switched to 'never' after each frame a test did not ask
 * for. What a step or an animation does in the DOM goes on (the run store is not frame-driven);
 * a test that checks the picture, counts or poses asks for frames first (harness `waitFrames`).
 * The Canvas's own `frameloop` prop (the lobby's 'never', an exhibit's 'always') is left to
 * the app: entering an exhibit draws its first frame, then the hold applies again.
 */
export function createFrameHold(): FrameHold {
  let held = (window as unknown as Record<string, unknown>)[HOLD_FLAG] === true
  let until = 0
  const frames = () => readRendererCounts()?.frames ?? 0
  // the stage hides itself in the lobby, where the app's own 'never' must stay
  const active = () => document.querySelector('[data-testid="stage"]')?.hasAttribute('hidden') === false
  const apply = () => {
    const st = getStage()?.get()
    if (!st) return
    const want = held && frames() >= until ? 'never' : active() ? 'always' : st.frameloop
    if (st.frameloop === want) return
    st.setFrameloop(want)
    if (want === 'always') st.invalidate()
  }
  // after every frame R3F runs (flat or XR): the one that reaches `until` is the last
  addAfterEffect(() => {
    if (held && frames() >= until) apply()
  })
  return {
    hold(on) {
      held = on
      until = frames()
      apply()
    },
    draw(n) {
      if (!held) return
      until = Math.max(until, frames() + n)
      apply()
    },
    held: () => held,
  }
}
