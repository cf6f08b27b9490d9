import { BENCH_TOP, COLORS as C, FRAME, PLATE_Y, PRINTER, SHELF, SPOOL } from './layout.ts'
import type { BoxPart } from '@sophora/sdk'

/** The lab, bench, printer frame and shelf: everything that never moves, one draw call. */
export function shellParts(): BoxPart[] {
  const { x, z } = PRINTER
  const { hw, hd, top } = FRAME
  const parts: BoxPart[] = [
    { size: [8, 0.02, 8], at: [0, -0.01, -2], color: C.floor },
    { size: [8, 3, 0.05], at: [0, 1.5, -2.2], color: C.wall },
    // bench: top and four legs
    { size: [1.6, 0.05, 0.8], at: [0, BENCH_TOP - 0.025, -0.95], color: C.bench },
    ...[-0.75, 0.75].flatMap((lx) =>
      [-0.6, -1.3].map((lz): BoxPart => ({ size: [0.05, BENCH_TOP - 0.05, 0.05], at: [lx, (BENCH_TOP - 0.05) / 2, lz], color: C.benchLeg })),
    ),
    // printer: base, heated plate, four posts, top rails
    { size: [2 * hw + 0.06, PLATE_Y - 0.012 - BENCH_TOP, 2 * hd + 0.06], at: [x, (PLATE_Y - 0.012 + BENCH_TOP) / 2, z], color: C.base },
    { size: [0.27, 0.012, 0.27], at: [x, PLATE_Y - 0.006, z], color: C.plate },
    { size: [0.2, 0.012, 0.012], at: [x, PLATE_Y - 0.02, z + hd + 0.031], color: C.accent },
    ...[-hw, hw].flatMap((px) =>
      [-hd, hd].map((pz): BoxPart => ({ size: [0.025, top - BENCH_TOP, 0.025], at: [x + px, (top + BENCH_TOP) / 2, z + pz], color: C.frame })),
    ),
    { size: [2 * hw + 0.025, 0.025, 0.025], at: [x, top, z + hd], color: C.frame },
    { size: [2 * hw + 0.025, 0.025, 0.025], at: [x, top, z - hd], color: C.frame },
    { size: [0.025, 0.025, 2 * hd], at: [x - hw, top, z], color: C.frame },
    { size: [0.025, 0.025, 2 * hd], at: [x + hw, top, z], color: C.frame },
    // spool holder arm
    { size: [SPOOL.x - x - hw + 0.05, 0.015, 0.015], at: [(SPOOL.x + x + hw) / 2, SPOOL.y, SPOOL.z], color: C.frame },
    // shelf: a two-step stand for the models
    { size: [0.46, 0.04, 0.16], at: [SHELF.x, SHELF.y - 0.02, SHELF.z], color: C.shelf },
  ]
  return parts
}
