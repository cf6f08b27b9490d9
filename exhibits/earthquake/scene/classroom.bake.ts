import type { BakeSpec, BoxPart } from '@sophora/sdk'
import { COLORS as C, LAMP_CORD, LAMPS, ROOM, WINDOWS_Z } from './layout.ts'
import { classroomParts } from './shell-parts.ts'

const { halfW, back, front, ceiling } = ROOM
/** The window openings in the left wall: between the sill and the head frame, 1.9 m wide. */
const SILL = 0.96
const HEAD = 2.49
const HALF_OPENING = 0.95

/** The left wall with holes where the windows are, so daylight comes in (the glass is its own mesh). */
function leftWallWithOpenings(): BoxPart[] {
  const x = -halfW - 0.05
  const len = back - front
  const parts: BoxPart[] = [
    { size: [0.1, SILL, len], at: [x, SILL / 2, (back + front) / 2], color: C.wall },
    { size: [0.1, ceiling - HEAD, len], at: [x, (HEAD + ceiling) / 2, (back + front) / 2], color: C.wall },
  ]
  // piers between the openings, from the back wall to the front wall
  const edges = [back, ...[...WINDOWS_Z].sort((a, b) => b - a).flatMap((z) => [z + HALF_OPENING, z - HALF_OPENING]), front]
  for (let i = 0; i < edges.length; i += 2) {
    const [z0, z1] = [edges[i]!, edges[i + 1]!]
    if (z0 - z1 > 1e-3) parts.push({ size: [0.1, HEAD - SILL, z0 - z1], at: [x, (SILL + HEAD) / 2, (z0 + z1) / 2], color: C.wall })
  }
  return parts
}

const isLeftWall = (p: BoxPart) => p.at[0] === -halfW - 0.05 && p.size[1] === ceiling

/**
 * The classroom's light, baked at build time: daylight through the three windows on the left
 * (a bright sky panel outside them and a low sun that throws patches on the desks), the six
 * ceiling lamps, soft shadows under desks and chairs (ambient occlusion) and one bounce.
 */
const spec: BakeSpec = {
  boxes: [
    ...classroomParts().filter((p) => !isLeftWall(p)),
    ...leftWallWithOpenings(),
    // the sky seen through the windows: self-lit, so it lights the room and casts no shadow
    { size: [0.1, 6, 16], at: [-halfW - 1.6, 2, (back + front) / 2], color: '#d6ecff', emit: 1.5 },
  ],
  ambient: { color: '#fff8ee', intensity: 0.25 },
  sky: { color: '#bcdcff', intensity: 1 },
  sun: { direction: [0.75, -0.55, -0.2], color: '#fff1d6', intensity: 1.6 },
  lamps: LAMPS.map(([x, y, z]) => ({ at: [x, y - LAMP_CORD - 0.12, z] as const, color: '#fff6e6', intensity: 1.1, facing: [0, -1, 0] as const })),
  bounce: 0.8,
  cell: 0.3,
  samples: 96,
  seed: 16,
}
export default spec
