import { BILLBOARD, BOARD, COLORS as C, FAR_KERB, FOOTBRIDGE, HOME_DOOR, HOME_FRONT, POLE, ROAD, ROOM, SWITCH_BOX, TREES, TV, WINDOW } from './layout.ts'
import type { BoxPart } from '@sophora/sdk'

const W = 70 // street length along x

/** A building front with a grid of windows; `lit` picks which windows glow. */
function building(x: number, w: number, h: number, color: string, lit: (i: number) => boolean): BoxPart[] {
  const d = 6
  const parts: BoxPart[] = [{ size: [w, h, d], at: [x, h / 2, HOME_FRONT - d / 2], color }]
  const cols = Math.floor(w / 2)
  let i = 0
  for (let y = 3.2; y < h - 1; y += 2.8) {
    for (let c = 0; c < cols; c++) {
      const wx = x - w / 2 + (c + 0.5) * (w / cols)
      parts.push({ size: [1.1, 1.2, 0.06], at: [wx, y, HOME_FRONT + 0.02], color: lit(i++) ? C.windowLit : C.windowDark })
    }
  }
  return parts
}

/** Everything in the street that never moves or reacts: one merged draw call. */
export function streetParts(): BoxPart[] {
  const roadMid = (ROAD.near + ROAD.far) / 2
  const parts: BoxPart[] = [
    { size: [W, 0.3, 7.5], at: [0, -0.15, (4 + ROAD.near) / 2], color: C.pavement },
    { size: [W, 0.2, ROAD.near - ROAD.far], at: [0, ROAD.y - 0.1, roadMid], color: C.road },
    { size: [W, 0.3, ROAD.far - FAR_KERB], at: [0, -0.15, (ROAD.far + FAR_KERB) / 2], color: C.pavement },
    { size: [W, 0.3, 0.2], at: [0, -0.149, ROAD.near + 0.1], color: C.kerb },
    { size: [W, 0.3, 0.2], at: [0, -0.149, ROAD.far - 0.1], color: C.kerb },
    { size: [W, 0.1, 40], at: [0, -0.2, FAR_KERB - 20], color: C.grass },
    // the board's post
    { size: [0.12, 1.4, 0.12], at: [BOARD.x, 0.7, BOARD.z - 0.06], color: C.steelDark },
    // the power pole, its cross-arm, the transformer and the wires still up
    { size: [0.26, POLE.top + 0.2, 0.26], at: [POLE.x, (POLE.top + 0.2) / 2, POLE.z], color: C.pole },
    { size: [2.2, 0.12, 0.12], at: [POLE.x, POLE.top, POLE.z], color: C.steelDark },
    { size: [0.9, 1.2, 0.7], at: [POLE.x, 4.4, POLE.z + 0.5], color: C.transformer },
    { size: [0.14, 0.35, 0.14], at: [POLE.x - 0.25, 5.17, POLE.z + 0.5], color: C.steelDark },
    { size: [0.14, 0.35, 0.14], at: [POLE.x + 0.25, 5.17, POLE.z + 0.5], color: C.steelDark },
    { size: [30, 0.03, 0.03], at: [POLE.x - 15, POLE.top + 0.08, POLE.z - 0.3], color: C.wire },
    { size: [30, 0.03, 0.03], at: [POLE.x - 15, POLE.top + 0.08, POLE.z + 0.3], color: C.wire },
    // lane markings (they disappear under the flood)
    ...Array.from({ length: 12 }, (_, i): BoxPart => ({ size: [2, 0.01, 0.15], at: [-22 + i * 4, ROAD.y + 0.006, roadMid], color: C.lane })),
    // tree trunks; the crowns sway (instanced)
    ...TREES.map(([x, z]): BoxPart => ({ size: [0.3, 2.6, 0.3], at: [x, 1.3, z], color: C.trunk })),
    ...building(-10, 10, 12, C.buildingA, (i) => i % 5 === 1),
    ...building(0, 9, 9, C.homeBuilding, (i) => i % 3 === 0),
    ...building(10.5, 11, 7, C.buildingB, (i) => i % 4 === 2),
  ]
  return parts
}

/** The footbridge: two stairways and the deck across the road (one tappable mesh). */
export function footbridgeParts(): BoxPart[] {
  const { x, y } = FOOTBRIDGE
  const parts: BoxPart[] = [
    { size: [2.2, 0.3, 10], at: [x, y, (ROAD.near + ROAD.far) / 2 - 0.2], color: C.steel },
    { size: [0.06, 1.1, 10], at: [x - 1.07, y + 0.7, (ROAD.near + ROAD.far) / 2 - 0.2], color: C.steelDark },
    { size: [0.06, 1.1, 10], at: [x + 1.07, y + 0.7, (ROAD.near + ROAD.far) / 2 - 0.2], color: C.steelDark },
  ]
  const n = 8
  for (const z of [-2.2, -12]) {
    for (let i = 0; i < n; i++) {
      const h = (y / n) * (i + 1)
      parts.push({ size: [0.5, h, 2], at: [x + 1.1 + 0.5 * (n - i) - 0.25, h / 2, z], color: i % 2 ? C.steel : C.kerb })
    }
  }
  return parts
}

/** The steps up to the home building's door: higher ground, tappable as one mesh. */
export function entranceParts(): BoxPart[] {
  const z0 = FAR_KERB + 0.9
  return [
    { size: [3.2, 0.2, 1.5], at: [0, 0.1, z0 - 0.75], color: C.steps },
    { size: [3.2, 0.2, 1.0], at: [0, 0.3, z0 - 1.0], color: C.kerb },
    { size: [3.2, 0.2, 0.5], at: [0, 0.5, z0 - 1.25], color: C.steps },
    { size: [1.6, 2.2, 0.1], at: [0, 1.7, HOME_FRONT + 0.04], color: C.door },
    { size: [2.2, 0.15, 1.2], at: [0, 3.0, HOME_FRONT + 0.55], color: C.steelDark },
  ]
}

/** The billboard's two posts (they sway with the panel). Local to its pivot at the ground. */
export function billboardPostParts(): BoxPart[] {
  return [
    { size: [0.16, BILLBOARD.y, 0.16], at: [-1.1, BILLBOARD.y / 2, 0], color: C.steelDark },
    { size: [0.16, BILLBOARD.y, 0.16], at: [1.1, BILLBOARD.y / 2, 0], color: C.steelDark },
    { size: [3.2, 1.8, 0.08], at: [0, BILLBOARD.y, -0.1], color: C.billboardBack },
  ]
}

/** The home's room: floor, ceiling, walls with a window hole, skirting, furniture. */
export function roomParts(): BoxPart[] {
  const { hw, back, front, h } = ROOM
  const depth = front - back
  const mid = (front + back) / 2
  const wx = (WINDOW.x0 + WINDOW.x1) / 2
  const ww = WINDOW.x1 - WINDOW.x0
  return [
    { size: [2 * hw, 0.1, depth], at: [0, -0.05, mid], color: C.floor },
    { size: [2 * hw, 0.1, depth], at: [0, h + 0.05, mid], color: C.ceiling },
    { size: [0.1, h, depth], at: [-hw - 0.05, h / 2, mid], color: C.wall },
    { size: [0.1, h, depth], at: [hw + 0.05, h / 2, mid], color: C.wall },
    { size: [2 * hw, h, 0.1], at: [0, h / 2, front + 0.05], color: C.wall },
    // back wall around the window
    { size: [WINDOW.x0 + hw, h, 0.1], at: [(-hw + WINDOW.x0) / 2, h / 2, back - 0.05], color: C.wall },
    { size: [hw - WINDOW.x1, h, 0.1], at: [(hw + WINDOW.x1) / 2, h / 2, back - 0.05], color: C.wall },
    { size: [ww, WINDOW.y0, 0.1], at: [wx, WINDOW.y0 / 2, back - 0.05], color: C.wall },
    { size: [ww, h - WINDOW.y1, 0.1], at: [wx, (h + WINDOW.y1) / 2, back - 0.05], color: C.wall },
    // window frame and cross bar
    { size: [ww + 0.1, 0.06, 0.16], at: [wx, WINDOW.y0, back], color: C.steel },
    { size: [ww + 0.1, 0.06, 0.16], at: [wx, WINDOW.y1, back], color: C.steel },
    { size: [0.05, WINDOW.y1 - WINDOW.y0, 0.08], at: [wx, (WINDOW.y0 + WINDOW.y1) / 2, back - 0.02], color: C.steel },
    // skirting
    { size: [0.03, 0.12, depth], at: [-hw + 0.015, 0.06, mid], color: C.skirting },
    { size: [0.03, 0.12, depth], at: [hw - 0.015, 0.06, mid], color: C.skirting },
    // TV cabinet, sofa, door frame
    { size: [1.6, 0.5, 0.45], at: [TV[0], 0.25, back + 0.25], color: C.cabinet },
    { size: [0.1, 0.04, 0.1], at: [TV[0], 0.87, TV[2] + 0.05], color: C.steelDark },
    { size: [2, 0.45, 0.85], at: [0.4, 0.225, 1.3], color: '#5c7a99' },
    { size: [0.06, 2.25, 1.15], at: [-hw + 0.03, 1.125, HOME_DOOR.z], color: C.skirting },
    // the main switch box's cable duct
    { size: [0.04, h - SWITCH_BOX[1] - 0.25, 0.06], at: [SWITCH_BOX[0] - 0.03, (h + SWITCH_BOX[1] + 0.25) / 2, SWITCH_BOX[2]], color: C.switchBox },
  ]
}

/** The stairs up to the first floor along the right wall (hidden once upstairs). */
export function stairParts(): BoxPart[] {
  const n = 10
  const parts: BoxPart[] = []
  for (let i = 0; i < n; i++) {
    const hgt = 0.27 * (i + 1)
    parts.push({ size: [0.95, hgt, 0.3], at: [ROOM.hw - 0.5, hgt / 2, -0.8 - i * 0.3], color: i % 2 ? '#8a6644' : '#a07850' })
  }
  parts.push({ size: [0.05, 1, 3], at: [ROOM.hw - 1, 1.9, -2.1], color: C.steelDark })
  return parts
}
