import type { BakeSpec } from '@sophora/sdk'
import { BENCH_TOP, COLORS as C, FRAME, PLATE_Y, PRINTER } from './layout.ts'
import { shellParts } from './shell-parts.ts'

/**
 * The lab's light, baked at build time: a bright open sky above, a soft key light from the front
 * right (the direction of the one light the moving parts keep, lights.tsx), the printer's and the
 * bench's soft shadows (ambient occlusion) and one bounce. The printer's base is in the bake only
 * as a shadow-caster under which nothing shows (the model draws over it).
 */
const spec: BakeSpec = {
  boxes: [
    ...shellParts(),
    {
      size: [2 * FRAME.hw + 0.04, PLATE_Y - 0.03 - BENCH_TOP, 2 * FRAME.hd + 0.04],
      at: [PRINTER.x, (PLATE_Y - 0.03 + BENCH_TOP) / 2, PRINTER.z],
      color: C.base,
    },
  ],
  ambient: { color: '#ffffff', intensity: 0.12 },
  sky: { color: '#f2f6ff', intensity: 0.32 },
  sun: { direction: [-0.8, -3, -1.5], color: '#fff6e8', intensity: 0.65 },
  bounce: 0.8,
  cell: 0.3,
  samples: 64,
  seed: 16,
}
export default spec
