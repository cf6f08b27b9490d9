/**
 * When is the open exhibit paused? When the page is hidden (a headset taken off, a tab
 * switched) or when a guide paused the station ("请看老师"). Exhibits get one signal for
 * both through their `onPause`/`onResume`, so an exhibit that stops a timer or a sound on
 * pause does so for the guide's pause too. Tiny and free of the exhibit page, so the
 * station runtime (lobby chunk) can set it.
 */
let guideHold = false
const changed = new Set<() => void>()

/** The guide's pause, set by the station runtime on its pause/resume commands. */
export function setGuideHold(on: boolean): void {
  if (on === guideHold) return
  guideHold = on
  for (const l of changed) l()
}

const pausedNow = () => document.hidden || guideHold

/**
 * Calls `listener(paused)` on each change of (hidden or held). A station that is already held
 * when the exhibit starts (a reload during the guide's pause) is told so at once.
 */
export function onPauseChange(listener: (paused: boolean) => void): () => void {
  let last = false
  let live = true
  const check = () => {
    const now = pausedNow()
    if (live && now !== last) {
      last = now
      listener(now)
    }
  }
  document.addEventListener('visibilitychange', check)
  changed.add(check)
  if (guideHold) queueMicrotask(check)
  return () => {
    live = false
    document.removeEventListener('visibilitychange', check)
    changed.delete(check)
  }
}
