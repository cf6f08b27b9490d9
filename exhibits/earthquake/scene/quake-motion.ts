import { BOOKCASE, COLORS as C, DESK, DESK_ROWS, OWN_DESK, ROOM, TILES, type Vec3 } from './layout.ts'

/**
 * Pure, deterministic motion of the quake: no physics engine, no randomness, so every
 * visit (and every test) sees the same thing. Everything here is a function of time.
 */

const TAU = Math.PI * 2
/** Peak world displacement in metres at full shaking; VR uses less (comfort). */
export const SHAKE_AMP = { flat: 0.035, vr: 0.012 } as const

/**
 * Where the shaken world is offset at time t (seconds). Sums of sines at unrelated
 * frequencies (1.7–5.3 Hz) read as irregular ground motion; writes into `out`.
 */
export function shakeOffset(t: number, amp: number, out: { x: number; y: number; z: number }): void {
  out.x = amp * (0.6 * Math.sin(TAU * 2.1 * t) + 0.4 * Math.sin(TAU * 3.7 * t + 1.3))
  out.z = amp * (0.5 * Math.sin(TAU * 1.7 * t + 2.1) + 0.3 * Math.sin(TAU * 4.3 * t + 0.4))
  out.y = amp * 0.35 * Math.sin(TAU * 5.3 * t + 0.7)
}

/** A hanging lamp swings like a pendulum (~0.7 Hz for a 0.55 m cord); radians about x and z. */
export function lampSwing(t: number, shake: number, phase: number, out: { x: number; z: number }): void {
  const a = 0.3 * shake
  out.x = a * Math.sin(TAU * 0.7 * t + phase)
  out.z = 0.6 * a * Math.sin(TAU * 0.77 * t + phase * 1.7)
}

const G = 9.8

/** Something that falls once during the quake: from `from` to resting on the floor at `to`. */
export interface Faller {
  from: Vec3
  to: Vec3
  /** final rotation (radians) it lands with */
  rot: Vec3
  /** seconds after the shaking starts */
  start: number
  size: Vec3
  color: string
}

export interface Pose {
  x: number
  y: number
  z: number
  rx: number
  ry: number
  rz: number
  landed: boolean
}

/** Where a faller is at quake time t: still before `start`, free fall, then resting. */
export function fallPose(f: Faller, t: number, out: Pose): Pose {
  const drop = f.from[1] - f.to[1]
  const duration = Math.sqrt((2 * drop) / G)
  const dt = Math.max(0, t - f.start)
  const p = duration > 0 ? Math.min(1, dt / duration) : 1
  out.x = p >= 1 ? f.to[0] : f.from[0] + (f.to[0] - f.from[0]) * p
  out.z = p >= 1 ? f.to[2] : f.from[2] + (f.to[2] - f.from[2]) * p
  out.y = Math.max(f.to[1], f.from[1] - 0.5 * G * dt * dt)
  out.rx = f.rot[0] * p
  out.ry = f.rot[1] * p
  out.rz = f.rot[2] * p
  out.landed = p >= 1
  return out
}

const BOOK_COLORS = [C.uniformRed, '#2e7d32', C.uniformBlue, '#f0a500', '#7b4fa0']
/** A book lands lying flat (a quarter turn about x) at some yaw; rotation order is YXZ. */
const book = (i: number, from: Vec3, to: Vec3, start: number): Faller => ({
  from,
  to,
  start,
  rot: [Math.PI / 2, 0.9 * i, 0.15 * (i % 3)],
  size: [0.16, 0.24, 0.04],
  color: BOOK_COLORS[i % BOOK_COLORS.length]!,
})

/** Books off the bookcase and desks, then two ceiling tiles. */
export function fallers(): Faller[] {
  const bx = BOOKCASE.x - 0.05
  const list: Faller[] = [
    book(0, [bx, 1.95, BOOKCASE.z - 0.3], [bx - 0.7, 0.02, BOOKCASE.z - 0.45], 0.5),
    book(1, [bx, 1.55, BOOKCASE.z + 0.2], [bx - 0.9, 0.02, BOOKCASE.z + 0.3], 0.9),
    book(2, [bx, 1.15, BOOKCASE.z - 0.1], [bx - 0.6, 0.02, BOOKCASE.z], 1.3),
    book(3, [bx, 1.95, BOOKCASE.z + 0.45], [bx - 1.0, 0.02, BOOKCASE.z + 0.6], 1.8),
    book(4, [-1.3, DESK.h + 0.12, DESK_ROWS[1]], [-1.0, 0.02, DESK_ROWS[1] + 0.35], 0.8),
    book(5, [1.6, DESK.h + 0.12, DESK_ROWS[2]], [1.9, 0.02, DESK_ROWS[2] + 0.4], 1.5),
    book(6, [OWN_DESK.x + 0.25, DESK.h + 0.12, OWN_DESK.z - 0.05], [OWN_DESK.x + 0.6, 0.02, OWN_DESK.z + 0.45], 2.2),
  ]
  TILES.forEach(([x, , z], i) =>
    list.push({
      from: [x, ROOM.ceiling - 0.02, z],
      to: [x, 0.02, z + 0.35],
      rot: [0.1, 0.6 + i, 0.05],
      start: 2.6 + 1.3 * i,
      size: [0.6, 0.02, 0.6],
      color: C.ceiling,
    }),
  )
  return list
}
