import { BENCH_TOP, COLORS as C, FRAME, PLATE_Y, SPOOL, PRINTER } from '../../exhibits/3d-printing/scene/layout.ts'
import { box, cyl, type Piece } from './shapes.ts'

const STEEL = '#c3c9cf'
const MOTOR = '#23272c'
const SCREEN = '#3f8fe0'
const RED = '#d0452a'
const HALF_PI = Math.PI / 2

/**
 * An FDM printer that reads as one: aluminium-extrusion frame, control box with a lit screen and
 * a knob, bed on four levelling knobs, lead screws on stepper motors, an extruder with its red
 * lever; the moving gantry, the hot end (heat sink fins, fan, heater block) and an opaque spool.
 * Frame: origin at the printer's centre on the floor; gantry: bar centre; head: the nozzle tip;
 * spool: its axle (turning about x).
 */
export function printerKit(): Record<string, Piece[]> {
  const { hw, hd, top } = FRAME
  const baseH = PLATE_Y - 0.03 - BENCH_TOP
  const frame: Piece[] = [
    box([2 * hw + 0.06, baseH, 2 * hd + 0.06], [0, BENCH_TOP + baseH / 2, 0], C.base),
    box([0.1, 0.045, 0.004], [-0.08, BENCH_TOP + baseH / 2, hd + 0.032], SCREEN),
    cyl(0.013, 0.014, [0.05, BENCH_TOP + baseH / 2, hd + 0.036], '#d8dce0', [HALF_PI, 0, 0], 14),
    box([0.2, 0.006, 0.004], [0, BENCH_TOP + 0.012, hd + 0.031], C.accent),
    // bed: aluminium carrier on four yellow levelling knobs, black textured sheet
    box([0.29, 0.008, 0.29], [0, PLATE_Y - 0.016, 0], '#aeb4ba'),
    box([0.27, 0.004, 0.27], [0, PLATE_Y - 0.002, 0], C.plate),
    ...[-1, 1].flatMap((sx) => [-1, 1].map((sz) => cyl(0.013, 0.012, [sx * 0.125, PLATE_Y - 0.026, sz * 0.125], '#e3b52a', undefined, 10))),
  ]
  // posts and top rails (black anodised extrusions), corner brackets
  for (const px of [-hw, hw])
    for (const pz of [-hd, hd]) {
      frame.push(box([0.025, top - BENCH_TOP, 0.025], [px, (top + BENCH_TOP) / 2, pz], C.frame))
      frame.push(box([0.035, 0.035, 0.035], [px, top, pz], '#2a323c'))
    }
  frame.push(
    box([2 * hw, 0.025, 0.025], [0, top, hd], C.frame),
    box([2 * hw, 0.025, 0.025], [0, top, -hd], C.frame),
    box([0.025, 0.025, 2 * hd], [-hw, top, 0], C.frame),
    box([0.025, 0.025, 2 * hd], [hw, top, 0], C.frame),
  )
  // two lead screws on their motors at the back, smooth rods beside them
  for (const sx of [-1, 1]) {
    const x = sx * (hw - 0.035)
    frame.push(box([0.042, 0.042, 0.042], [x, BENCH_TOP + baseH + 0.021, -hd + 0.03], MOTOR))
    frame.push(cyl(0.004, top - BENCH_TOP - baseH - 0.05, [x, (top + BENCH_TOP + baseH + 0.03) / 2, -hd + 0.03], '#b08d3c', undefined, 8))
    frame.push(cyl(0.004, top - BENCH_TOP - baseH - 0.05, [x + sx * 0.02, (top + BENCH_TOP + baseH + 0.03) / 2, -hd + 0.05], STEEL, undefined, 8))
  }
  // extruder on the right post, spool arm and axle
  frame.push(
    box([0.045, 0.045, 0.045], [hw + 0.035, SPOOL.y - 0.1, 0], MOTOR),
    box([0.012, 0.05, 0.03], [hw + 0.064, SPOOL.y - 0.1, 0.01], RED),
    cyl(0.007, SPOOL.x - PRINTER.x - hw + 0.05, [(SPOOL.x - PRINTER.x + hw) / 2, SPOOL.y, 0], C.frame, [0, 0, HALF_PI], 8),
  )

  const gantry: Piece[] = [
    box([2 * hw, 0.022, 0.022], [0, 0, -0.012], C.frame),
    cyl(0.0035, 2 * hw, [0, -0.03, 0.004], STEEL, [0, 0, HALF_PI], 8),
    box([2 * hw - 0.04, 0.006, 0.003], [0, 0.004, 0.0], '#1b1e22'),
    box([0.042, 0.042, 0.042], [-hw + 0.035, 0.02, -0.045], MOTOR),
    box([0.04, 0.07, 0.05], [-hw + 0.02, -0.01, -0.01], C.accent),
    box([0.04, 0.07, 0.05], [hw - 0.02, -0.01, -0.01], C.accent),
  ]

  const head: Piece[] = [
    box([0.024, 0.014, 0.02], [0, 0.022, 0], '#d7dbe0'),
    box([0.012, 0.006, 0.004], [0.006, 0.022, 0.011], RED),
    ...[0, 1, 2, 3, 4].map((i) => cyl(0.013, 0.003, [0, 0.034 + i * 0.006, 0], '#aeb4ba', undefined, 12)),
    box([0.075, 0.058, 0.05], [0, 0.078, -0.004], C.head),
    cyl(0.021, 0.006, [0, 0.07, 0.024], '#2d3238', [HALF_PI, 0, 0], 16),
    box([0.036, 0.004, 0.002], [0, 0.07, 0.028], '#5c636b', [0, 0, 0.6]),
    box([0.036, 0.004, 0.002], [0, 0.07, 0.028], '#5c636b', [0, 0, -0.9]),
    box([0.05, 0.012, 0.03], [0.038, 0.03, 0.01], C.accent),
  ]

  const w = SPOOL.w
  const spool: Piece[] = [
    cyl(SPOOL.r * 0.92, w * 0.86, [0, 0, 0], C.filament, [0, 0, HALF_PI], 28),
    ...[-1, 1].map((s) => cyl(SPOOL.r + 0.01, 0.005, [(s * w) / 2, 0, 0], '#dfe3e6', [0, 0, HALF_PI], 28)),
    ...[-0.2, 0, 0.2].map((f) => cyl(SPOOL.r * 0.925, 0.002, [f * w, 0, 0], '#e2762f', [0, 0, HALF_PI], 28)),
    cyl(0.022, w + 0.012, [0, 0, 0], '#6c737b', [0, 0, HALF_PI], 14),
  ]
  return { 'printer-frame': frame, 'printer-gantry': gantry, 'printer-head': head, 'printer-spool': spool }
}
