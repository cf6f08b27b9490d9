import { ASSEMBLY, BUILDING_DOOR, CEILING, COLORS as C, HALF_W, HOT_DOOR, LIFT, STAIR_DOOR, TOWEL_HOOK, Z_FAR, Z_NEAR } from './layout.ts'
import type { BoxPart } from '@sophora/sdk'

const LEN = Z_NEAR - Z_FAR
/** z of the ceiling light panels (the bake puts a lamp under each). */
export const LAMP_Z = [0.5, -3.5, -7.5, -11.5, -15] as const
const MID = (Z_NEAR + Z_FAR) / 2

/** Everything in the corridor that never moves or reacts: one merged draw call. */
export function corridorParts(): BoxPart[] {
  const parts: BoxPart[] = [
    { size: [2 * HALF_W + 0.2, 0.1, LEN], at: [0, -0.05, MID], color: C.floor },
    { size: [2 * HALF_W + 0.2, 0.1, LEN], at: [0, CEILING + 0.05, MID], color: C.ceiling },
    { size: [0.1, CEILING, LEN], at: [-HALF_W - 0.05, CEILING / 2, MID], color: C.wall },
    { size: [0.1, CEILING, LEN], at: [HALF_W + 0.05, CEILING / 2, MID], color: C.wall },
    // the green-painted lower wall of a Chinese school corridor
    { size: [0.02, 1.1, LEN], at: [-HALF_W + 0.01, 0.55, MID], color: C.wainscot },
    { size: [0.02, 1.1, LEN], at: [HALF_W - 0.01, 0.55, MID], color: C.wainscot },
    { size: [2 * HALF_W, CEILING, 0.1], at: [0, CEILING / 2, Z_FAR - 0.05], color: C.scorched },
    { size: [2 * HALF_W, CEILING, 0.1], at: [0, CEILING / 2, Z_NEAR + 0.05], color: C.wall },
    // door frames
    { size: [0.06, 2.25, 1.15], at: [HOT_DOOR.x + 0.03, 1.125, HOT_DOOR.z], color: C.frame },
    { size: [0.06, 2.25, 1.15], at: [STAIR_DOOR.x - 0.03, 1.125, STAIR_DOOR.z], color: C.frame },
    { size: [0.06, 2.35, 1.4], at: [LIFT.x + 0.03, 1.175, LIFT.z], color: C.steelDark },
    // the seam between the two lift doors
    { size: [0.06, 2.2, 0.02], at: [LIFT.x + 0.05, 1.1, LIFT.z], color: C.steelDark },
    // lift call buttons
    { size: [0.03, 0.25, 0.12], at: [LIFT.x + 0.02, 1.1, LIFT.z + 0.9], color: C.steel },
    // exit sign hangers
    { size: [0.02, 0.3, 0.02], at: [0.5, 2.82, -5.8], color: C.steelDark },
    { size: [0.02, 0.3, 0.02], at: [1.3, 2.82, -5.8], color: C.steelDark },
    // lift warning sign: post and red border
    { size: [0.05, 0.95, 0.05], at: [-0.9, 0.475, -5.64], color: C.steelDark },
    { size: [0.8, 0.47, 0.02], at: [-0.9, 1.15, -5.64], color: C.warnRed },
    // towel hook
    { size: [0.08, 0.03, 0.03], at: [HALF_W - 0.04, 1.42, TOWEL_HOOK[2]], color: C.steelDark },
  ]
  for (const z of LAMP_Z) {
    parts.push({ size: [0.5, 0.03, 1.2], at: [0, CEILING - 0.015, z], color: C.lightPanel })
  }
  return parts
}

/** The schoolyard: ground, path, the school building and the assembly area, one draw call. */
export function outdoorParts(): BoxPart[] {
  const parts: BoxPart[] = [
    { size: [80, 0.1, 80], at: [0, -0.05, -10], color: C.grass },
    { size: [2.4, 0.02, 16], at: [-3.5, 0.01, -10.5], color: C.path },
    { size: [16, 10, 6], at: [-9, 5, -22], color: C.building },
    { size: [16.4, 0.3, 6.4], at: [-9, 10.15, -22], color: C.steelDark },
    { size: [4.4, 0.03, 4.4], at: [ASSEMBLY.x, 0.015, ASSEMBLY.z], color: '#f2f2f2' },
    { size: [4, 0.04, 4], at: [ASSEMBLY.x, 0.02, ASSEMBLY.z], color: '#2e9e57' },
    { size: [0.08, 2.2, 0.08], at: [ASSEMBLY.x, 1.1, ASSEMBLY.z - 1.85], color: C.steelDark },
    { size: [0.06, 1.3, 0.06], at: [0.4, 0.65, -5.3], color: C.steelDark },
    { size: [2.2, 2.6, 0.06], at: [BUILDING_DOOR[0], 1.3, BUILDING_DOOR[2] - 0.04], color: C.frame },
  ]
  // dark windows; the burning ones are a separate glowing mesh
  for (let floor = 0; floor < 3; floor++) {
    for (let col = 0; col < 5; col++) {
      const x = -15 + col * 3
      if (floor === 0 && col === 3) continue
      if (isBurningWindow(floor, col)) continue
      parts.push({ size: [1.3, 1.1, 0.06], at: [x, 2 + floor * 3, -18.98], color: C.windowDark })
    }
  }
  return parts
}

export function isBurningWindow(floor: number, col: number): boolean {
  return (floor === 1 && col === 4) || (floor === 2 && col === 3) || (floor === 2 && col === 4)
}

export function burningWindowParts(): BoxPart[] {
  const parts: BoxPart[] = []
  for (let floor = 0; floor < 3; floor++) {
    for (let col = 0; col < 5; col++) {
      if (isBurningWindow(floor, col)) parts.push({ size: [1.3, 1.1, 0.06], at: [-15 + col * 3, 2 + floor * 3, -18.97], color: C.fireOrange })
    }
  }
  return parts
}
