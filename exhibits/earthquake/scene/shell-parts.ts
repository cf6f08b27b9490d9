import {
  ASSEMBLY,
  BOOKCASE,
  PLATFORM_H,
  COLORS as C,
  DESK,
  DESK_COLS,
  DESK_ROWS,
  DOOR,
  HALL,
  LIFT,
  OWN_DESK,
  POLE,
  ROOM,
  SCHOOL_DOOR,
  SHELVES_Y,
  TEACHER_DESK,
  TILES,
  WALL_X,
  WINDOWS_Z,
} from './layout.ts'
import type { BoxPart } from '@sophora/sdk'

const { halfW, back, front, ceiling } = ROOM
const LEN = back - front
const MID = (back + front) / 2

function desk(x: number, z: number, top = true, legs = true, shelf = legs): BoxPart[] {
  const out: BoxPart[] = []
  if (top) out.push({ size: [DESK.w, DESK.top, DESK.d], at: [x, DESK.h - DESK.top / 2, z], color: C.deskTop })
  if (legs) {
    const lx = DESK.w / 2 - 0.03
    const lz = DESK.d / 2 - 0.03
    for (const sx of [-1, 1])
      for (const sz of [-1, 1]) {
        out.push({ size: [DESK.leg, DESK.h - DESK.top, DESK.leg], at: [x + sx * lx, (DESK.h - DESK.top) / 2, z + sz * lz], color: C.deskLeg })
      }
  }
  // the book shelf under the top, typical of Chinese school desks
  if (shelf) {
    out.push({ size: [DESK.w - 0.1, 0.02, DESK.d - 0.1], at: [x, DESK.h - 0.16, z], color: C.deskLeg })
  }
  return out
}

function table(x: number, z: number, w: number, d: number, h: number, floor: number, color: string): BoxPart[] {
  const out: BoxPart[] = [{ size: [w, 0.05, d], at: [x, floor + h - 0.025, z], color }]
  for (const sx of [-1, 1])
    for (const sz of [-1, 1]) {
      out.push({ size: [0.06, h - 0.05, 0.06], at: [x + sx * (w / 2 - 0.05), floor + (h - 0.05) / 2, z + sz * (d / 2 - 0.05)], color: C.deskLeg })
    }
  return out
}

function chair(x: number, z: number): BoxPart[] {
  const cz = z + DESK.d / 2 + 0.2
  return [
    { size: [0.4, 0.03, 0.38], at: [x, 0.44, cz], color: C.wood },
    { size: [0.4, 0.3, 0.03], at: [x, 0.72, cz + 0.18], color: C.wood },
    { size: [0.04, 0.44, 0.34], at: [x - 0.18, 0.22, cz], color: C.chair },
    { size: [0.04, 0.44, 0.34], at: [x + 0.18, 0.22, cz], color: C.chair },
  ]
}

/** The classroom: room, blackboard, windows' frames, everyone else's desk, all chairs. One draw call. */
export function classroomParts(): BoxPart[] {
  const parts: BoxPart[] = [
    { size: [2 * halfW + 0.2, 0.1, LEN], at: [0, -0.05, MID], color: C.floor },
    { size: [2 * halfW + 0.2, 0.1, LEN], at: [0, ceiling + 0.05, MID], color: C.ceiling },
    { size: [0.1, ceiling, LEN], at: [-halfW - 0.05, ceiling / 2, MID], color: C.wall },
    { size: [0.1, ceiling, LEN], at: [halfW + 0.05, ceiling / 2, MID], color: C.wall },
    { size: [2 * halfW, ceiling, 0.1], at: [0, ceiling / 2, front - 0.05], color: C.wall },
    { size: [2 * halfW, ceiling, 0.1], at: [0, ceiling / 2, back + 0.05], color: C.wall },
    // the painted lower wall
    { size: [0.02, 1.0, LEN], at: [-halfW + 0.01, 0.5, MID], color: C.wainscot },
    { size: [0.02, 1.0, LEN], at: [halfW + 0.01 - 0.02, 0.5, MID], color: C.wainscot },
    { size: [2 * halfW, 1.0, 0.02], at: [0, 0.5, front + 0.01], color: C.wainscot },
    // blackboard, chalk tray, platform and the teacher's desk
    { size: [4.4, 1.25, 0.04], at: [0, 1.65, front + 0.03], color: C.blackboard },
    { size: [4.4, 0.04, 0.08], at: [0, 1.0, front + 0.06], color: C.chalkTray },
    { size: [6, PLATFORM_H, 1.4], at: [0, PLATFORM_H / 2, front + 0.7], color: C.wood },
    ...table(TEACHER_DESK.x, TEACHER_DESK.z, TEACHER_DESK.w, TEACHER_DESK.d, TEACHER_DESK.h, PLATFORM_H, C.wood),
    // door frame
    { size: [0.06, DOOR.h + 0.1, DOOR.w + 0.14], at: [DOOR.x - 0.03, (DOOR.h + 0.1) / 2, DOOR.z], color: C.frame },
  ]
  // window frames on the left wall (the glass is its own mesh: it is tappable)
  for (const z of WINDOWS_Z) {
    const x = -halfW + 0.03
    parts.push(
      { size: [0.08, 0.08, 1.9], at: [x, 2.45, z], color: C.frame },
      { size: [0.08, 0.08, 1.9], at: [x, 1.0, z], color: C.frame },
      { size: [0.08, 1.5, 0.06], at: [x, 1.72, z - 0.92], color: C.frame },
      { size: [0.08, 1.5, 0.06], at: [x, 1.72, z + 0.92], color: C.frame },
      { size: [0.08, 1.5, 0.04], at: [x, 1.72, z], color: C.frame },
    )
  }
  // where the ceiling tiles were (hidden behind them until they fall)
  for (const [x, , z] of TILES) parts.push({ size: [0.56, 0.004, 0.56], at: [x, ceiling - 0.002, z], color: C.hole })
  for (const x of DESK_COLS) {
    for (const z of DESK_ROWS) {
      if (!(x === OWN_DESK.x && z === OWN_DESK.z)) parts.push(...desk(x, z))
      parts.push(...chair(x, z))
    }
  }
  return parts
}

/** The window panes on the left wall (tap them: the wrong place to be). */
export function glassParts(): BoxPart[] {
  return WINDOWS_Z.map((z) => ({ size: [0.02, 1.42, 1.78], at: [-halfW + 0.04, 1.72, z], color: C.glass }))
}

/** The student's own desk top (tap it to take cover). */
export function ownDeskTopParts(): BoxPart[] {
  return desk(OWN_DESK.x, OWN_DESK.z, true, false)
}
/** ... and its legs (tap them to hold on); no shelf, so the student fits under it. */
export function ownDeskLegParts(): BoxPart[] {
  return desk(OWN_DESK.x, OWN_DESK.z, false, true, false)
}

/** The tall bookcase on the right wall, with the books that stay put. */
export function bookcaseParts(): BoxPart[] {
  const { x, z, w, h, d } = BOOKCASE
  const parts: BoxPart[] = [
    { size: [0.03, h, w], at: [x + d / 2 - 0.015, h / 2, z], color: C.bookcase },
    { size: [d, h, 0.04], at: [x, h / 2, z - w / 2], color: C.bookcase },
    { size: [d, h, 0.04], at: [x, h / 2, z + w / 2], color: C.bookcase },
    { size: [d, 0.04, w], at: [x, h - 0.02, z], color: C.bookcase },
    { size: [d, 0.06, w], at: [x, 0.03, z], color: C.bookcase },
  ]
  SHELVES_Y.forEach((y, i) => {
    parts.push({ size: [d, 0.03, w - 0.04], at: [x, y - 0.015, z], color: C.bookcase })
    for (let k = 0; k < 5; k++) {
      const bz = z - w / 2 + 0.2 + k * 0.09 + (i % 2) * 0.5
      parts.push({
        size: [0.2, 0.22 + 0.02 * ((k + i) % 3), 0.06],
        at: [x + 0.03, y + 0.12, bz],
        color: ['#c0392b', '#2e7d32', '#2f5fb3', '#f0a500'][(k + i) % 4]!,
      })
    }
  })
  return parts
}

/** Stairwell landing: corridor, the flight going down ahead, the lift's frame. One draw call. */
export function stairwellParts(): BoxPart[] {
  const { halfW: w, near, top, ceiling: ch } = HALL
  const len = near - top
  const drop = HALL.steps * HALL.rise
  const end = top - HALL.steps * HALL.run
  const parts: BoxPart[] = [
    { size: [2 * w, 0.1, len], at: [0, -0.05, (near + top) / 2], color: '#c9c1ae' },
    { size: [2 * w, 0.1, near - end + 1], at: [0, ch + 0.05, (near + end) / 2], color: C.ceiling },
    { size: [0.1, ch + drop + 1, near - end + 1], at: [-w - 0.05, (ch - drop - 1) / 2, (near + end) / 2], color: C.hallWall },
    { size: [0.1, ch + drop + 1, near - end + 1], at: [w + 0.05, (ch - drop - 1) / 2, (near + end) / 2], color: C.hallWall },
    { size: [0.02, 1.0, len], at: [-w + 0.01, 0.5, (near + top) / 2], color: C.wainscot },
    { size: [0.02, 1.0, len], at: [w - 0.01, 0.5, (near + top) / 2], color: C.wainscot },
    { size: [2 * w, ch + drop + 1, 0.1], at: [0, (ch - drop - 1) / 2, end - 0.6], color: C.hallWall },
    { size: [2 * w, ch, 0.1], at: [0, ch / 2, near + 0.05], color: C.hallWall },
    // lift frame and the seam between its doors
    { size: [0.06, 2.35, 1.4], at: [LIFT.x + 0.03, 1.175, LIFT.z], color: C.steelDark },
    { size: [0.03, 0.25, 0.12], at: [LIFT.x + 0.02, 1.1, LIFT.z + 0.9], color: C.steel },
    // landing at the bottom of the flight
    { size: [2 * w, 0.1, 1.2], at: [0, -drop - 0.05, end - 0.6], color: '#c9c1ae' },
  ]
  // handrails and a dark skirting band following the flight down: the diagonals read as "stairs"
  const slope = Math.atan2(HALL.rise, HALL.run)
  const flight = Math.hypot(HALL.steps * HALL.run, drop)
  for (const sx of [-1, 1]) {
    parts.push({
      size: [0.06, 0.06, flight],
      at: [sx * (w - 0.08), 0.9 - drop / 2, top - (HALL.steps * HALL.run) / 2],
      color: C.steelDark,
      rot: [-slope, 0, 0],
    })
    parts.push({ size: [0.02, 0.3, flight], at: [sx * (w - 0.01), 0.15 - drop / 2, top - (HALL.steps * HALL.run) / 2], color: '#6f7f72', rot: [-slope, 0, 0] })
  }
  // ceiling lights along the corridor
  for (const z of [0.5, -2]) parts.push({ size: [0.5, 0.03, 1.2], at: [0, ch - 0.015, z], color: C.lamp })
  return parts
}

/** The flight of stairs going down (tap it: take the stairs). */
export function stairsParts(): BoxPart[] {
  const { halfW: w, top } = HALL
  const parts: BoxPart[] = []
  for (let i = 0; i < HALL.steps; i++) {
    const y = -(i + 1) * HALL.rise
    const z = top - (i + 0.5) * HALL.run
    parts.push({ size: [2 * w, 0.6, HALL.run], at: [0, y - 0.3, z], color: i % 2 ? '#bdb5a2' : '#c9c1ae' })
    // yellow nosing on each step edge
    parts.push({ size: [2 * w, 0.012, 0.05], at: [0, y + 0.006, z + HALL.run / 2 - 0.025], color: '#e0b400' })
    // balusters up to the sloped handrail on the right
    parts.push({ size: [0.03, 0.9, 0.03], at: [w - 0.08, y + 0.45, z], color: C.steelDark })
  }
  return parts
}

/** The playground: ground, running track, the school building. One draw call. */
export function playgroundParts(): BoxPart[] {
  const parts: BoxPart[] = [
    { size: [90, 0.1, 90], at: [0, -0.05, -15], color: C.grass },
    { size: [1.4, 0.02, 26], at: [-3.2, 0.01, -9], color: C.track },
    { size: [1.4, 0.02, 26], at: [4.6, 0.01, -9], color: C.track },
    { size: [4.4, 0.03, 4.4], at: [ASSEMBLY.x, 0.015, ASSEMBLY.z], color: '#f2f2f2' },
    { size: [4, 0.04, 4], at: [ASSEMBLY.x, 0.02, ASSEMBLY.z], color: '#2e9e57' },
    { size: [0.08, 2.4, 0.08], at: [ASSEMBLY.x, 1.2, ASSEMBLY.z - 2.05], color: C.steelDark },
    { size: [22, 12, 6], at: [-7, 6, -21], color: C.building },
    { size: [22.4, 0.3, 6.4], at: [-7, 12.15, -21], color: C.steelDark },
    { size: [2.2, 2.6, 0.06], at: [SCHOOL_DOOR[0], 1.3, SCHOOL_DOOR[2] - 0.04], color: C.steelDark },
  ]
  for (let floor = 0; floor < 4; floor++) {
    for (let col = 0; col < 6; col++) {
      const x = -16 + col * 3.6
      if (floor === 0 && Math.abs(x - SCHOOL_DOOR[0]) < 2) continue
      parts.push({ size: [1.6, 1.3, 0.06], at: [x, 1.8 + floor * 2.9, -17.98], color: C.windowDark })
    }
  }
  // a few cracks in the facade: it has been shaken
  parts.push({ size: [0.05, 1.6, 0.02], at: [-2.3, 6.6, -17.96], color: '#6d655a', rot: [0, 0, 0.5] })
  parts.push({ size: [0.05, 1.2, 0.02], at: [-12.5, 3.8, -17.96], color: '#6d655a', rot: [0, 0, -0.4] })
  return parts
}

/** Things to keep away from outdoors: the boundary wall, the power poles and lines. */
export function hazardParts(): BoxPart[] {
  const parts: BoxPart[] = [
    { size: [0.25, 2.2, 34], at: [WALL_X, 1.1, -12], color: '#b9aa96' },
    { size: [0.35, 0.12, 34], at: [WALL_X, 2.26, -12], color: '#8c7f6e' },
  ]
  for (const z of [POLE.z, POLE.z - 16]) {
    parts.push({ size: [0.26, 9, 0.26], at: [POLE.x, 4.5, z], color: '#8a8a84' })
    parts.push({ size: [1.6, 0.12, 0.12], at: [POLE.x, 8.6, z], color: '#555555' })
    parts.push({ size: [0.5, 0.7, 0.4], at: [POLE.x, 7.3, z + 0.25], color: '#6e7a80' })
  }
  for (const dx of [-0.7, 0, 0.7]) parts.push({ size: [0.025, 0.025, 16], at: [POLE.x + dx, 8.75, POLE.z - 8], color: '#222222' })
  return parts
}

/** The pocket in the rubble: floor, a slab just over the head, broken beams, walls. */
export function rubbleParts(): BoxPart[] {
  return [
    { size: [5, 0.1, 5], at: [0, -0.05, -1], color: C.concreteDark },
    { size: [4, 0.22, 3], at: [0.1, 1.25, -0.9], color: C.concrete, rot: [0.12, 0, 0.16] },
    { size: [0.3, 0.3, 3.2], at: [-1.0, 0.9, -1.1], color: '#7a6a55', rot: [0.35, 0.2, 0] },
    { size: [3.4, 1.4, 0.3], at: [0, 0.6, -2.3], color: C.concreteDark, rot: [0.1, 0.05, 0] },
    { size: [0.3, 1.3, 3], at: [-1.6, 0.55, -0.8], color: C.concrete, rot: [0, 0, 0.2] },
    { size: [0.3, 1.3, 3], at: [1.7, 0.5, -0.9], color: C.concreteDark, rot: [0, 0, -0.25] },
    // the pipe's wall brackets
    { size: [0.08, 0.16, 0.1], at: [-1.0, 0.8, -0.72], color: C.steelDark },
    { size: [0.08, 0.16, 0.1], at: [1.0, 0.8, -0.72], color: C.steelDark },
  ]
}

/** Loose rubble in front (tap it: try to dig out). */
export function debrisParts(): BoxPart[] {
  return [
    { size: [0.7, 0.4, 0.5], at: [-0.5, 0.2, -1.6], color: C.concrete, rot: [0.2, 0.4, 0.1] },
    { size: [0.5, 0.35, 0.4], at: [0.4, 0.17, -1.5], color: '#a09a92', rot: [-0.1, 0.8, 0.2] },
    { size: [0.9, 0.15, 0.3], at: [0.1, 0.45, -1.75], color: '#7a6a55', rot: [0.1, -0.3, 0.3] },
    { size: [0.35, 0.3, 0.35], at: [0.9, 0.15, -1.2], color: C.concreteDark, rot: [0.3, 0.2, 0] },
    { size: [0.25, 0.2, 0.3], at: [-1.0, 0.1, -1.1], color: '#a09a92', rot: [0, 0.6, 0.2] },
  ]
}
