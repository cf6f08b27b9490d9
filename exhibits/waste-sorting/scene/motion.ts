import { BIN_H, BIN_Z, ITEM_ENTER_X, ITEM_REST } from './layout.ts'

/** What the item on the belt is doing. */
export type ItemMode = 'hidden' | 'enter' | 'idle' | 'throw' | 'bounce'

/** Seconds per animation. */
export const DURATION: Record<ItemMode, number> = { hidden: 0, enter: 0.8, idle: 0, throw: 1.0, bounce: 1.1 }

/** A pose written in place (never allocated per frame). */
export interface Pose {
  x: number
  y: number
  z: number
  scale: number
  spin: number
}

export const newPose = (): Pose => ({ x: ITEM_REST[0], y: ITEM_REST[1], z: ITEM_REST[2], scale: 1, spin: 0 })

const clamp01 = (u: number) => (u < 0 ? 0 : u > 1 ? 1 : u)
const easeOut = (u: number) => 1 - (1 - u) * (1 - u)

/** A parabolic hop from a to b peaking `h` above the straight line. */
function hop(out: Pose, ax: number, ay: number, az: number, bx: number, by: number, bz: number, h: number, u: number): void {
  out.x = ax + (bx - ax) * u
  out.z = az + (bz - az) * u
  out.y = ay + (by - ay) * u + 4 * h * u * (1 - u)
}

/**
 * Where the item is `t` seconds into `mode`, thrown at the bin standing at x = binX.
 * Correct: an arc into the open bin, then it sinks out of sight. Wrong: it hits the closed
 * lid and bounces back to the belt. Returns true when the animation has finished.
 */
export function itemPose(mode: ItemMode, t: number, binX: number, out: Pose): boolean {
  const [rx, ry, rz] = ITEM_REST
  out.scale = 1
  out.spin = 0
  const u = clamp01(DURATION[mode] > 0 ? t / DURATION[mode] : 1)
  switch (mode) {
    case 'hidden':
    case 'idle':
      out.x = rx
      out.y = ry
      out.z = rz
      return true
    case 'enter':
      out.x = ITEM_ENTER_X + (rx - ITEM_ENTER_X) * easeOut(u)
      out.y = ry
      out.z = rz
      return u >= 1
    case 'throw': {
      const mouthY = BIN_H + 0.12
      if (u < 0.7) {
        hop(out, rx, ry, rz, binX, mouthY, BIN_Z, 0.55, u / 0.7)
        out.scale = 1 - 0.45 * (u / 0.7)
      } else {
        const v = (u - 0.7) / 0.3
        out.x = binX
        out.z = BIN_Z
        out.y = mouthY - 0.45 * v
        out.scale = 0.55 - 0.4 * v
      }
      out.spin = u * Math.PI * 2
      return u >= 1
    }
    case 'bounce': {
      const lidY = BIN_H + 0.16
      if (u < 0.5) {
        hop(out, rx, ry, rz, binX, lidY, BIN_Z + 0.05, 0.5, u / 0.5)
        out.scale = 1 - 0.35 * (u / 0.5)
      } else {
        hop(out, binX, lidY, BIN_Z + 0.05, rx, ry, rz, 0.3, (u - 0.5) / 0.5)
        out.scale = 0.65 + 0.35 * ((u - 0.5) / 0.5)
      }
      out.spin = -u * Math.PI
      return u >= 1
    }
  }
}
