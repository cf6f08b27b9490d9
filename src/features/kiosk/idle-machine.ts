import type { Cleanup } from '../../core/exhibit-kit.ts'

/** Time as the idle machine sees it: injected, so tests step it without waiting. */
export interface Clock {
  now(): number
  /** Runs `fn` once after `ms`; the Cleanup cancels it. */
  after(fn: () => void, ms: number): Cleanup
}

export const realClock: Clock = {
  now: () => Date.now(),
  after(fn, ms) {
    const t = setTimeout(fn, ms)
    return () => clearTimeout(t)
  },
}

/** Why the station may not reset now; null when it may. */
export type Busy = 'narration' | 'explanation' | 'held' | 'loading' | 'staff' | null

export type IdlePhase = 'off' | 'watching' | 'warning' | 'attract'

export interface IdleState {
  phase: IdlePhase
  /** whole seconds left on the countdown (warning phase) */
  remaining: number
  /** how often the idle time ran out while the station was busy (shown for tests and staff) */
  suppressed: number
  /** what held the reset back the last time it was */
  lastBusy: Busy
  /** how many countdowns have started (shown for tests and staff) */
  warnings: number
}

export interface IdleMachineOptions {
  clock?: Clock
  /** no input for this long starts the countdown; read each time (VR and flat differ) */
  idleMs(): number
  /** the countdown's length ("还在吗？" with 10 s) */
  warnMs: number
  /** read when the idle time runs out and at each countdown tick */
  busy(): Busy
  /** the countdown ended: reset the station (exit, check out, audio off); then the attract loop shows */
  onReset(): void
  onChange?(s: IdleState): void
}

export interface IdleMachine {
  getState(): IdleState
  /** Input of any kind: pointer, key, touch, wheel, head or controller movement. Ends a countdown or the attract loop. */
  activity(): void
  start(): void
  stop(): void
}

/** While the station is busy, look again this often: the countdown may start as soon as it is not. */
const BUSY_POLL_MS = 1000
const TICK_MS = 1000

/**
 * The idle reset's timing, with no DOM: watching → (no input for idleMs, not busy) warning
 * with a countdown → (no input for warnMs) reset, then the attract loop until the next input.
 * Activity costs a timestamp only: the one timer is re-armed when it fires, not on every event.
 */
export function createIdleMachine(o: IdleMachineOptions): IdleMachine {
  const clock = o.clock ?? realClock
  let state: IdleState = { phase: 'off', remaining: 0, suppressed: 0, lastBusy: null, warnings: 0 }
  let last = clock.now()
  let warnEnds = 0
  let cancel: Cleanup | null = null

  const set = (patch: Partial<IdleState>) => {
    state = { ...state, ...patch }
    o.onChange?.(state)
  }
  const arm = (fn: () => void, ms: number) => {
    cancel?.()
    cancel = clock.after(
      () => {
        cancel = null
        fn()
      },
      Math.max(0, ms),
    )
  }

  function watch() {
    const due = last + o.idleMs() - clock.now()
    if (due > 0) return arm(watch, due)
    const busy = o.busy()
    if (busy) {
      // Time spent listening, reading an explanation or waiting for a load is not idle time:
      // the full idle time runs again from when the station stops being busy.
      last = clock.now()
      set({ suppressed: state.suppressed + 1, lastBusy: busy })
      return arm(watch, BUSY_POLL_MS)
    }
    warnEnds = clock.now() + o.warnMs
    set({ phase: 'warning', remaining: Math.ceil(o.warnMs / 1000), warnings: state.warnings + 1 })
    arm(tick, Math.min(TICK_MS, o.warnMs))
  }

  function tick() {
    const busy = o.busy()
    if (busy) {
      // Narration or an explanation began during the countdown: the student is being taught, not gone.
      last = clock.now()
      set({ phase: 'watching', remaining: 0, suppressed: state.suppressed + 1, lastBusy: busy })
      return arm(watch, o.idleMs())
    }
    const left = warnEnds - clock.now()
    if (left > 0) {
      set({ remaining: Math.ceil(left / 1000) })
      return arm(tick, Math.min(TICK_MS, left))
    }
    set({ phase: 'attract', remaining: 0 })
    o.onReset()
  }

  return {
    getState: () => state,
    activity() {
      last = clock.now()
      if (state.phase === 'warning' || state.phase === 'attract') {
        set({ phase: 'watching', remaining: 0 })
        arm(watch, o.idleMs())
      }
    },
    start() {
      if (state.phase !== 'off') return
      last = clock.now()
      set({ phase: 'watching' })
      arm(watch, o.idleMs())
    },
    stop() {
      cancel?.()
      cancel = null
      set({ phase: 'off', remaining: 0 })
    },
  }
}

/** What an idle reset does, in this order (tests check the order). */
export interface ResetActions {
  /** leave the exhibit, its exit recorded with reason `idle` */
  exitExhibit(): void
  checkOut(): void
  stopAudio(): void
  /** anything else that waits for a gap between visitors (an app update) */
  betweenVisitors?(): void
}

/** Runs every action even when one throws: a failed check-out must not leave the exhibit open. */
export function runReset(a: ResetActions): void {
  for (const step of [a.exitExhibit, a.checkOut, a.stopAudio, a.betweenVisitors]) {
    try {
      step?.()
    } catch (e) {
      console.error('[sophora] idle reset step failed', e)
    }
  }
}
