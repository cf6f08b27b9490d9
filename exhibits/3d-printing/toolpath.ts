import { infillLines, type Layer } from './slicer.ts'
import { sagAt, type Pillar, type sagFootprint } from './supports.ts'

/** What a printed line is: shown in different colours, supports can be snapped off. */
export const KIND = { wall: 0, infill: 1, support: 2 } as const

export interface PrintOptions {
  layerHeight: number
  /** width of one extruded line, mm */
  lineWidth: number
  /** distance between infill lines, mm */
  infillSpacing: number
  /** travel (nozzle moving without printing) is this much faster than printing */
  travelSpeedup?: number
  /** where the failed (unsupported) print sags; omit for a good print */
  sag?: ReturnType<typeof sagFootprint>
}

/**
 * The print job: every extruded line in print order (layer by layer: supports, walls,
 * infill) plus the geometry of all of them in ONE buffer, 18 vertices per line, so the
 * scene reveals the print with `geometry.setDrawRange(0, 18 * linesDone)`.
 */
export interface PrintJob {
  lineCount: number
  layerCount: number
  /** per line: ax, az, bx, bz, y (mm) */
  lines: Float32Array
  kind: Uint8Array
  layerOf: Uint16Array
  /** "time" (mm of nozzle path, travel weighted) when each line starts and ends */
  tStart: Float32Array
  tEnd: Float32Array
  total: number
  /** index of the first line of each layer (layerCount + 1 entries) */
  layerStart: Uint32Array
  /** first layer containing an overhang (the first layer above a support), -1 if none */
  overhangLayer: number
  position: Float32Array
  normal: Float32Array
  /** per vertex: KIND value */
  kindAttr: Float32Array
  /** per vertex: how far it would sag without supports, mm */
  sagAttr: Float32Array
}

export const VERTS_PER_LINE = 18

function squareLoop(x: number, z: number, r: number): number[][] {
  return [
    [x - r, z - r, x + r, z - r],
    [x + r, z - r, x + r, z + r],
    [x + r, z + r, x - r, z + r],
    [x - r, z + r, x - r, z - r],
  ]
}

/** Lay out the job: which lines, in what order, at what height. */
export function planLines(
  layers: readonly Layer[],
  pillars: readonly Pillar[],
  o: PrintOptions,
): { lines: number[][]; layerStart: number[]; overhangLayer: number } {
  const lines: number[][] = []
  const layerStart: number[] = []
  let overhangLayer = -1
  for (const layer of layers) {
    layerStart.push(lines.length)
    const y = layer.y
    // supports stop one layer under the model: an air gap so they snap off cleanly
    for (const p of pillars) {
      if (y > p.bottom && y < p.top - o.layerHeight) for (const s of squareLoop(p.x, p.z, o.lineWidth * 1.4)) lines.push([...s, y, KIND.support])
      if (overhangLayer < 0 && y > p.top) overhangLayer = layer.index
    }
    for (const loop of layer.loops) {
      for (let i = 0; i < loop.length; i++) {
        const a = loop[i]!
        const b = loop[(i + 1) % loop.length]!
        lines.push([a.x, a.z, b.x, b.z, y, KIND.wall])
      }
    }
    for (const s of infillLines(layer.loops, o.infillSpacing, layer.index % 2 === 0, o.lineWidth)) lines.push([...s, y, KIND.infill])
  }
  layerStart.push(lines.length)
  return { lines, layerStart, overhangLayer }
}

/** Build the job and its single geometry buffer. */
export function buildJob(layers: readonly Layer[], pillars: readonly Pillar[], o: PrintOptions): PrintJob {
  const { lines: plan, layerStart, overhangLayer } = planLines(layers, pillars, o)
  const n = plan.length
  const lines = new Float32Array(n * 5)
  const kind = new Uint8Array(n)
  const layerOf = new Uint16Array(n)
  const tStart = new Float32Array(n)
  const tEnd = new Float32Array(n)
  const position = new Float32Array(n * VERTS_PER_LINE * 3)
  const normal = new Float32Array(n * VERTS_PER_LINE * 3)
  const kindAttr = new Float32Array(n * VERTS_PER_LINE)
  const sagAttr = new Float32Array(n * VERTS_PER_LINE)
  const speedup = o.travelSpeedup ?? 4
  const h = o.layerHeight * 0.92
  const w = o.lineWidth / 2
  let t = 0
  let px = plan[0]?.[0] ?? 0
  let pz = plan[0]?.[1] ?? 0
  let layer = 0
  let v = 0
  const put = (x: number, y: number, z: number, nx: number, ny: number, nz: number, k: number) => {
    position.set([x, y, z], v * 3)
    normal.set([nx, ny, nz], v * 3)
    kindAttr[v] = k
    sagAttr[v] = o.sag ? sagAt(o.sag, x, y, z) : 0
    v++
  }
  const quad = (q: number[][], nx: number, ny: number, nz: number, k: number) => {
    for (const i of [0, 1, 2, 0, 2, 3]) put(q[i]![0]!, q[i]![1]!, q[i]![2]!, nx, ny, nz, k)
  }
  for (let i = 0; i < n; i++) {
    while (layerStart[layer + 1]! <= i) layer++
    const [ax, az, bx, bz, y, k] = plan[i] as [number, number, number, number, number, number]
    lines.set([ax, az, bx, bz, y], i * 5)
    kind[i] = k
    layerOf[i] = layer
    t += Math.hypot(ax - px, az - pz) / speedup
    tStart[i] = t
    const len = Math.hypot(bx - ax, bz - az)
    t += len
    tEnd[i] = t
    px = bx
    pz = bz
    // a flat bead: two upright sides and a top, stretched by half a width at both ends so corners close
    const dx = len > 0 ? (bx - ax) / len : 1
    const dz = len > 0 ? (bz - az) / len : 0
    const sx = ax - dx * w,
      sz = az - dz * w,
      ex = bx + dx * w,
      ez = bz + dz * w
    const nx = -dz,
      nz = dx
    const y0 = y - h / 2,
      y1 = y + h / 2
    quad(
      [
        [sx + nx * w, y0, sz + nz * w],
        [ex + nx * w, y0, ez + nz * w],
        [ex + nx * w, y1, ez + nz * w],
        [sx + nx * w, y1, sz + nz * w],
      ],
      nx,
      0,
      nz,
      k,
    )
    quad(
      [
        [sx - nx * w, y0, sz - nz * w],
        [sx - nx * w, y1, sz - nz * w],
        [ex - nx * w, y1, ez - nz * w],
        [ex - nx * w, y0, ez - nz * w],
      ],
      -nx,
      0,
      -nz,
      k,
    )
    quad(
      [
        [sx + nx * w, y1, sz + nz * w],
        [ex + nx * w, y1, ez + nz * w],
        [ex - nx * w, y1, ez - nz * w],
        [sx - nx * w, y1, sz - nz * w],
      ],
      0,
      1,
      0,
      k,
    )
  }
  return {
    lineCount: n,
    layerCount: layers.length,
    lines,
    kind,
    layerOf,
    tStart,
    tEnd,
    total: n > 0 ? tEnd[n - 1]! : 0,
    layerStart: Uint32Array.from(layerStart),
    overhangLayer,
    position,
    normal,
    kindAttr,
    sagAttr,
  }
}

/** Number of lines finished at time t (binary search; no allocation). */
export function linesDoneAt(job: PrintJob, t: number): number {
  let lo = 0
  let hi = job.lineCount
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (job.tEnd[mid]! <= t) lo = mid + 1
    else hi = mid
  }
  return lo
}
