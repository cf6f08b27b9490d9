import { ConeGeometry, CylinderGeometry, IcosahedronGeometry, SphereGeometry, TorusGeometry, type BufferGeometry } from 'three'
import type { Item, Shape } from '../items.ts'
import { mergeParts, type Part } from '@sophora/sdk'
import { box } from './box.ts'

/** Place a geometry: scale, rotate (x, y, z order of calls), then move. Returns a Part. */
function put(
  g: BufferGeometry,
  color: string,
  at: readonly [number, number, number],
  rot: readonly [number, number, number] = [0, 0, 0],
  scale?: readonly [number, number, number],
): Part {
  if (scale) g.scale(scale[0], scale[1], scale[2])
  if (rot[0]) g.rotateX(rot[0])
  if (rot[1]) g.rotateY(rot[1])
  if (rot[2]) g.rotateZ(rot[2])
  g.translate(at[0], at[1], at[2])
  return { geo: g, color }
}
const cyl = (rTop: number, rBottom: number, h: number, seg = 12, open = false, thetaLength = Math.PI * 2) =>
  new CylinderGeometry(rTop, rBottom, h, seg, 1, open, 0, thetaLength)
const HALF_PI = Math.PI / 2

/**
 * The archetypes, sitting on y = 0, centred on x and z, roughly real size (metres).
 * a = main colour, b = accent. Each is a handful of primitives: 100–700 triangles.
 */
const SHAPES: Record<Shape, (a: string, b: string) => Part[]> = {
  bottle: (a, b) => [
    put(cyl(0.06, 0.06, 0.2, 14), a, [0, 0.1, 0]),
    put(cyl(0.062, 0.062, 0.06, 14), b, [0, 0.11, 0]),
    put(cyl(0.025, 0.06, 0.07, 14), a, [0, 0.235, 0]),
    put(cyl(0.026, 0.026, 0.03, 10), b, [0, 0.285, 0]),
  ],
  can: (a, b) => [
    put(cyl(0.055, 0.055, 0.19, 14), a, [0, 0.1, 0]),
    put(cyl(0.045, 0.055, 0.015, 14), b, [0, 0.2, 0]),
    put(cyl(0.055, 0.045, 0.012, 14), b, [0, 0.004, 0]),
    box([0.025, 0.004, 0.012], [0.015, 0.209, 0], b),
  ],
  carton: (a, b) => [
    box([0.12, 0.2, 0.12], [0, 0.1, 0], a),
    box([0.122, 0.07, 0.122], [0, 0.09, 0], b),
    put(cyl(0.085, 0.085, 0.12, 4), a, [0, 0.2, 0], [0, 0, HALF_PI], [1, 1, 1]),
    box([0.12, 0.035, 0.012], [0, 0.27, 0], a),
  ],
  box: (a, b) => [
    box([0.26, 0.11, 0.2], [0, 0.055, 0], a),
    box([0.27, 0.012, 0.21], [0, 0.112, 0], a),
    box([0.272, 0.014, 0.05], [0, 0.113, 0], b),
    box([0.06, 0.005, 0.05], [0.07, 0.121, 0.06], b),
  ],
  peel: (a, b) => [
    put(cyl(0.018, 0.026, 0.08, 8), a, [0, 0.04, 0]),
    put(cyl(0.008, 0.012, 0.04, 6), b, [0, 0.1, 0]),
    ...[0.3, 1.9, 3.4, 4.9].map((ang) =>
      put(new SphereGeometry(0.03, 8, 6), a, [Math.sin(ang) * 0.08, 0.015, Math.cos(ang) * 0.08], [0, ang, 0], [1, 0.35, 3.2]),
    ),
    put(new SphereGeometry(0.012, 6, 4), b, [0.09, 0.03, 0.02]),
  ],
  bone: (a, b) => [
    put(cyl(0.028, 0.028, 0.24, 10), a, [0, 0.045, 0], [0, 0, HALF_PI]),
    ...[-1, 1].flatMap((sx) => [-1, 1].map((sz) => put(new SphereGeometry(0.045, 10, 8), b, [sx * 0.13, 0.045, sz * 0.028]))),
  ],
  battery: (a, b) => [
    put(cyl(0.036, 0.036, 0.15, 14), a, [0, 0.075, 0]),
    put(cyl(0.0365, 0.0365, 0.035, 14), b, [0, 0.14, 0]),
    put(cyl(0.013, 0.013, 0.014, 10), b, [0, 0.164, 0]),
    box([0.004, 0.05, 0.03], [0, 0.08, 0.036], '#ffffff'),
  ],
  button: (a, b) => [
    put(cyl(0.05, 0.05, 0.022, 20), a, [-0.035, 0.011, 0]),
    put(cyl(0.038, 0.038, 0.004, 20), b, [-0.035, 0.024, 0]),
    put(cyl(0.05, 0.05, 0.022, 20), a, [0.06, 0.03, 0.01], [0.5, 0, 0.3]),
  ],
  tube: (a, b) => [
    put(cyl(0.02, 0.02, 0.5, 12), a, [0, 0.025, 0], [0, 0, HALF_PI]),
    ...[-1, 1].map((s) => put(cyl(0.023, 0.023, 0.04, 12), b, [s * 0.25, 0.025, 0], [0, 0, HALF_PI])),
    ...[-1, 1].flatMap((s) => [-1, 1].map((p) => put(cyl(0.003, 0.003, 0.02, 4), b, [s * 0.28, 0.025, p * 0.008], [0, 0, HALF_PI]))),
  ],
  thermometer: (a, b) => [
    put(cyl(0.008, 0.008, 0.18, 8), a, [0, 0.01, 0], [0, 0, HALF_PI]),
    put(new SphereGeometry(0.011, 8, 6), b, [0.095, 0.01, 0]),
    box([0.1, 0.003, 0.004], [0.04, 0.0175, 0], b),
  ],
  paper: (a, b) => [
    box([0.3, 0.015, 0.22], [0, 0.0075, 0], a),
    put(new CylinderGeometry(0.01, 0.01, 0.22, 6), a, [0.15, 0.01, 0], [HALF_PI, 0, 0]),
    box([0.24, 0.004, 0.03], [0, 0.017, -0.07], b),
    ...[-0.02, 0.01, 0.04, 0.07].map((z) => box([0.24, 0.003, 0.008], [0, 0.0165, z], b)),
  ],
  crumple: (a, b) => [
    put(new IcosahedronGeometry(0.07, 0), a, [0, 0.055, 0], [0.3, 0.4, 0], [1, 0.8, 1]),
    put(new IcosahedronGeometry(0.045, 0), b, [0.07, 0.035, 0.03], [0.2, 1, 0.5]),
    put(new IcosahedronGeometry(0.04, 0), a, [-0.06, 0.03, 0.04], [1, 0.2, 0.2]),
  ],
  book: (a, b) => [
    box([0.2, 0.006, 0.27], [0, 0.003, 0], a),
    box([0.2, 0.006, 0.27], [0, 0.041, 0], a),
    box([0.008, 0.044, 0.27], [-0.1, 0.022, 0], a),
    box([0.19, 0.032, 0.26], [0.002, 0.022, 0], b),
    box([0.1, 0.002, 0.06], [0.01, 0.045, -0.05], b),
  ],
  shirt: (a, b) => [
    box([0.26, 0.035, 0.3], [0, 0.0175, 0], a),
    ...[-1, 1].map((s) => box([0.09, 0.033, 0.11], [s * 0.16, 0.0165, -0.085], a)),
    box([0.262, 0.036, 0.04], [0, 0.018, 0.03], b),
    box([0.09, 0.038, 0.03], [0, 0.019, -0.14], b),
  ],
  bowl: (a, b) => [
    put(cyl(0.11, 0.06, 0.075, 16, true, Math.PI), a, [-0.015, 0.0375, 0], [0, 0.2, 0]),
    put(cyl(0.11, 0.06, 0.075, 16, true, Math.PI), a, [0.03, 0.03, 0.02], [0, Math.PI + 0.5, 0.35]),
    put(cyl(0.112, 0.11, 0.012, 16, true, Math.PI), b, [-0.015, 0.07, 0], [0, 0.2, 0]),
    put(cyl(0.05, 0.05, 0.012, 12), a, [-0.015, 0.006, 0]),
    put(new IcosahedronGeometry(0.02, 0), a, [0.14, 0.012, 0.07]),
  ],
  meal: (a, b) => [
    put(cyl(0.11, 0.06, 0.075, 16, true), a, [0, 0.0375, 0]),
    put(cyl(0.05, 0.05, 0.012, 12), a, [0, 0.006, 0]),
    put(new SphereGeometry(0.1, 12, 6, 0, Math.PI * 2, 0, HALF_PI), b, [0, 0.055, 0], [0, 0, 0], [1, 0.35, 1]),
    put(new SphereGeometry(0.025, 6, 4), '#5a8f2e', [0.03, 0.085, 0.02], [0, 0, 0], [1.4, 0.5, 1]),
    put(new SphereGeometry(0.022, 6, 4), '#c2572d', [-0.035, 0.08, -0.02], [0, 0, 0], [1.3, 0.6, 1]),
    put(cyl(0.004, 0.004, 0.24, 5), '#a0703c', [0.02, 0.09, 0.06], [0, 0.3, HALF_PI - 0.15]),
    put(cyl(0.004, 0.004, 0.24, 5), '#a0703c', [0.02, 0.09, 0.075], [0, 0.25, HALF_PI - 0.15]),
  ],
  pile: (a, b) => [
    put(new ConeGeometry(0.14, 0.07, 9), a, [0, 0.035, 0]),
    ...[
      [0.05, 0.02],
      [-0.06, 0.03],
      [0.02, -0.07],
      [-0.03, -0.02],
      [0.09, -0.04],
      [-0.1, -0.05],
    ].map(([x, z], i) => put(new SphereGeometry(0.022, 6, 4), b, [x!, 0.045 - Math.hypot(x!, z!) * 0.35, z!], [0, i, 0.3 * i], [1.5, 0.6, 0.9])),
  ],
  shell: (a, b) => [
    put(new SphereGeometry(0.055, 12, 6, 0, Math.PI * 2, 0, HALF_PI), a, [-0.04, 0.07, 0], [Math.PI, 0, 0], [1, 1.3, 1]),
    put(new SphereGeometry(0.052, 12, 6, 0, Math.PI * 2, 0, HALF_PI), b, [0.06, 0.045, 0.02], [0.9, 0.5, 0.3], [1, 1.25, 1]),
    put(new IcosahedronGeometry(0.014, 0), a, [0.01, 0.008, 0.07]),
  ],
  fishbone: (a, b) => [
    put(cyl(0.007, 0.007, 0.26, 6), a, [0, 0.02, 0], [0, 0, HALF_PI]),
    ...[-0.08, -0.045, -0.01, 0.025, 0.06].flatMap((x) => [-1, 1].map((s) => put(cyl(0.004, 0.004, 0.08, 4), a, [x, 0.02, s * 0.035], [s * 1.1, 0, 0]))),
    put(new ConeGeometry(0.04, 0.08, 8), b, [-0.16, 0.03, 0], [0, 0, HALF_PI], [1, 1, 0.5]),
    put(new ConeGeometry(0.04, 0.05, 3), b, [0.145, 0.02, 0], [0, 0, -HALF_PI], [1, 1, 0.3]),
  ],
  butt: (a, b) => [
    put(cyl(0.011, 0.011, 0.035, 10), a, [0.012, 0.011, 0], [0, 0, HALF_PI]),
    put(cyl(0.0115, 0.0115, 0.03, 10), b, [-0.02, 0.011, 0], [0, 0, HALF_PI]),
    put(cyl(0.011, 0.009, 0.006, 10), '#555555', [0.032, 0.011, 0], [0, 0, HALF_PI]),
  ],
  pills: (a, b) => [
    box([0.2, 0.008, 0.12], [0, 0.004, 0], a),
    ...[-0.07, -0.025, 0.025, 0.07].flatMap((x) =>
      [-0.03, 0.03].map((z) => put(new SphereGeometry(0.016, 8, 4, 0, Math.PI * 2, 0, HALF_PI), b, [x, 0.008, z], [0, 0, 0], [1, 0.7, 1])),
    ),
    box([0.09, 0.13, 0.05], [0.02, 0.065, -0.1], '#ffffff'),
    box([0.092, 0.03, 0.052], [0.02, 0.09, -0.1], b),
  ],
  paint: (a, b) => [
    put(cyl(0.09, 0.09, 0.16, 16), a, [0, 0.08, 0]),
    put(cyl(0.086, 0.086, 0.012, 16), b, [0, 0.163, 0]),
    box([0.03, 0.07, 0.01], [0.02, 0.13, 0.09], b),
    put(new TorusGeometry(0.09, 0.005, 4, 12, Math.PI), '#607d8b', [0, 0.16, 0]),
  ],
  bag: (a, b) => [
    put(new SphereGeometry(0.1, 12, 8), a, [0, 0.13, 0], [0, 0, 0], [1, 1.25, 0.35]),
    box([0.17, 0.025, 0.03], [0, 0.255, 0], a),
    box([0.17, 0.025, 0.03], [0, 0.005, 0], a),
    put(cyl(0.045, 0.045, 0.01, 14), b, [0, 0.14, 0.034], [HALF_PI, 0, 0]),
  ],
  diaper: (a, b) => [
    box([0.13, 0.045, 0.16], [0, 0.0225, 0], a),
    box([0.22, 0.045, 0.08], [0, 0.0225, -0.11], a),
    box([0.2, 0.045, 0.07], [0, 0.0225, 0.11], a),
    ...[-1, 1].map((s) => box([0.04, 0.048, 0.05], [s * 0.1, 0.024, -0.11], b)),
    box([0.1, 0.047, 0.03], [0, 0.0235, 0.03], b),
  ],
  mask: (a, b) => [
    put(cyl(0.12, 0.12, 0.1, 10, true, 1.6), a, [0, 0.05, 0.1], [0, Math.PI - 0.8, 0]),
    ...[-0.025, 0.0, 0.025].map((y) => put(cyl(0.121, 0.121, 0.004, 10, true, 1.6), b, [0, 0.05 + y, 0.1], [0, Math.PI - 0.8, 0])),
    ...[-1, 1].map((s) => put(new TorusGeometry(0.035, 0.003, 4, 12), b, [s * 0.1, 0.05, 0.05], [0, s * 0.9, 0])),
  ],
}

/** Flat things are tipped up towards the viewer so they read from eye height. */
const TILT: Partial<Record<Shape, number>> = {
  peel: 0.8,
  paper: 0.9,
  book: 0.9,
  shirt: 0.9,
  diaper: 0.9,
  pills: 0.6,
  button: 0.8,
  fishbone: 0.9,
  thermometer: 0.6,
  tube: 0.3,
  bone: 0.5,
  butt: 0.6,
  pile: 0.5,
  crumple: 0.3,
  mask: 0.5,
  bowl: 0.35,
  meal: 0.35,
  box: 0.35,
}

/** One item's model as a single vertex-coloured geometry (caller owns it: `ctx.track`). */
export function buildItemGeometry(it: Item): BufferGeometry {
  const g = mergeParts(SHAPES[it.shape](it.colors[0], it.colors[1]))
  const s = it.size ?? 1
  if (s !== 1) g.scale(s, s, s)
  const tilt = TILT[it.shape]
  if (tilt) {
    g.rotateX(tilt)
    g.computeBoundingBox()
    g.translate(0, -g.boundingBox!.min.y, 0) // stand on the belt again
  }
  g.computeBoundingBox()
  g.computeBoundingSphere()
  return g
}
