/**
 * Gaze-dwell selection for viewers without controllers (a phone in a cardboard viewer):
 * look at the same target for `ms` and it is pressed once. Pure, so it is unit-tested.
 */
export function createDwell<T>(ms = 1500) {
  let current: T | null = null
  let held = 0
  let fired = false
  return {
    /** Advance by `dtMs` while looking at `target` (null = nothing). Returns the target to press, once. */
    update(target: T | null, dtMs: number): T | null {
      if (target !== current) {
        current = target
        held = 0
        fired = false
        return null
      }
      if (current === null || fired) return null
      held += dtMs
      if (held < ms) return null
      fired = true
      return current
    },
    /** 0..1 of the dwell on the current target (for the reticle). */
    get progress() {
      return current === null || fired ? 0 : Math.min(1, held / ms)
    },
  }
}
