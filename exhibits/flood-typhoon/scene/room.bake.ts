import type { BakeSpec } from '@sophora/sdk'
import { ROOM } from './layout.ts'
import { roomParts } from './shell-parts.ts'

/**
 * The home's room, baked at build time: grey daylight through the window (a sky the rays see
 * past the window hole), the ceiling lamp, soft ambient light darkened in corners and under the
 * sofa, and one bounce off the walls. The scene dims the whole bake when the power is cut and
 * brightens it in the typhoon's eye (a tint on the unlit material), so the light still follows
 * the story without a second bake.
 */
const spec: BakeSpec = {
  boxes: roomParts(),
  ambient: { color: '#e6e2da', intensity: 0.35 },
  sky: { color: '#b9c4cf', intensity: 2.2 },
  lamps: [{ at: [0, ROOM.h - 0.1, -1.2], color: '#fff1d0', intensity: 2.4, facing: [0, -1, 0] }],
  bounce: 0.8,
  cell: 0.3,
  samples: 48,
  seed: 16,
}
export default spec
