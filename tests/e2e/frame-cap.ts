/**
 * Tests run the page at a capped frame rate (10 fps unless SOPHORA_E2E_FPS says otherwise; 0 = off).
 *
 * Why: SwiftShader draws on the CPU, and at 60 fps an open exhibit's render loop alone takes this
 * 2-core machine, starving the test runner, the server and the page's own React work. The tests
 * count frames, they never time them, so fewer frames per second lose nothing they assert: the
 * exhibit contract file went from 227 s to 77 s of CPU (166 s to 75 s wall) with the cap.
 * The bench never caps (it measures frame times).
 */
export const E2E_FRAME_RATE = Number(process.env.SOPHORA_E2E_FPS ?? 10)

/**
 * Runs in the page before its scripts (context.addInitScript): every requestAnimationFrame
 * callback waits for the next tick of a `1000 / fps` ms clock, all callbacks of a tick run in one
 * real animation frame (so loops stay in step), and cancelAnimationFrame keeps working.
 * Only the main world is affected; Playwright's own actionability checks run in their own world.
 */
export function capFrameRate(ms: number): void {
  const raf = window.requestAnimationFrame.bind(window)
  const queue = new Map<number, FrameRequestCallback>()
  let lastId = 0
  let scheduled = false
  let next = 0
  const flush = (t: number) => {
    scheduled = false
    next = performance.now() + ms
    const due = [...queue.values()]
    queue.clear()
    for (const cb of due) {
      try {
        cb(t)
      } catch (e) {
        // still an uncaught page error (as with the real requestAnimationFrame), and the other callbacks run
        setTimeout(() => {
          throw e
        })
      }
    }
  }
  window.requestAnimationFrame = (cb) => {
    queue.set(++lastId, cb)
    if (!scheduled) {
      scheduled = true
      setTimeout(() => raf(flush), Math.max(0, next - performance.now()))
    }
    return lastId
  }
  window.cancelAnimationFrame = (id) => {
    queue.delete(id)
  }
}
