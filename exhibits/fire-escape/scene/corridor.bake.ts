import type { BakeSpec } from '@sophora/sdk'
import { CEILING, COLORS as C, FIRE_Z } from './layout.ts'
import { corridorParts, LAMP_Z } from './shell-parts.ts'

/**
 * The corridor's light, baked at build time into the shell's vertex colours: five ceiling
 * panels (self-lit, each with a lamp just under it), the fire's glow at the far end, soft
 * ambient light darkened in corners (ambient occlusion) and one bounce off the walls.
 */
const spec: BakeSpec = {
  boxes: corridorParts().map((p) => (p.color === C.lightPanel ? { ...p, emit: 1.6 } : p)),
  ambient: { color: '#fff1df', intensity: 0.2 },
  lamps: [
    ...LAMP_Z.map((z) => ({ at: [0, CEILING - 0.12, z] as const, color: '#fff4dc', intensity: 2.2, facing: [0, -1, 0] as const })),
    { at: [0, 1.1, FIRE_Z + 1.0], color: '#ff7a2a', intensity: 14 },
  ],
  bounce: 0.8,
  cell: 0.3,
  samples: 64,
  seed: 16,
}
export default spec
