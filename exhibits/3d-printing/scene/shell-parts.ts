import { BENCH_TOP, COLORS as C, SHELF } from './layout.ts'
import type { BoxPart } from '@sophora/sdk'

/**
 * The lab, bench and shelf: everything that never moves, baked (lab.bake.ts) and drawn in one
 * call. The printer itself is a model (assets/models/printer.glb, scripts/models/kit-printer.ts).
 */
export function shellParts(): BoxPart[] {
  return [
    { size: [8, 0.02, 8], at: [0, -0.01, -2], color: C.floor },
    { size: [8, 3, 0.05], at: [0, 1.5, -2.2], color: C.wall },
    // bench: top and four legs
    { size: [1.6, 0.05, 0.8], at: [0, BENCH_TOP - 0.025, -0.95], color: C.bench },
    ...[-0.75, 0.75].flatMap((lx) =>
      [-0.6, -1.3].map((lz): BoxPart => ({ size: [0.05, BENCH_TOP - 0.05, 0.05], at: [lx, (BENCH_TOP - 0.05) / 2, lz], color: C.benchLeg })),
    ),
    // shelf: a two-step stand for the models
    { size: [0.46, 0.04, 0.16], at: [SHELF.x, SHELF.y - 0.02, SHELF.z], color: C.shelf },
  ]
}
