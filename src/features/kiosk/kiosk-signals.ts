import { create } from 'zustand'
import type { Cleanup } from '../../core/exhibit-kit.ts'

/**
 * What the kiosk feature shares without imports between its sides: head and controller
 * movement from the exhibit page, the idle reset's listeners, staff at the exit corner, the
 * countdown for the in-headset message.
 */

/**
 * Head and controller movement in an immersive session, reported by the exhibit page's pose
 * watcher (which lives with the XR stage, in the lazily loaded exhibit chunk) and heard by the
 * idle reset, without either importing the other.
 */
const listeners = new Set<() => void>()
let presenting = false

export const xrActivity = {
  /** the student moved their head or a controller */
  moved(): void {
    for (const l of listeners) l()
  },
  /** an immersive session started (true) or ended */
  presenting(on: boolean): void {
    presenting = on
    for (const l of listeners) l()
  },
}

export const xrPresenting = () => presenting

export function subscribeXR(listener: () => void): Cleanup {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

const resetListeners = new Set<() => void>()
/** Called at each idle reset, after the visit ended: work that must wait for a gap between visitors (an app update). */
export function onIdleReset(listener: () => void): Cleanup {
  resetListeners.add(listener)
  return () => {
    resetListeners.delete(listener)
  }
}
export function emitIdleReset(): void {
  for (const l of resetListeners) l()
}

let staff = false
/** Staff are at the corner or the PIN dialog: no idle reset under their hands. */
export const staffAtWork = {
  set: (on: boolean) => {
    staff = on
  },
  get: () => staff,
}

/** The countdown's seconds while it runs, else null: for the in-headset message (the page's overlay is not seen in VR). */
export const useIdleCountdown = create<{ remaining: number | null }>(() => ({ remaining: null }))
