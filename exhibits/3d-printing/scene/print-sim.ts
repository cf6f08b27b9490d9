import { Vector3 } from 'three'
import { linesDoneAt, type PrintJob } from '../toolpath.ts'
import { PARK_MM } from './layout.ts'

/** The printer's moving state, mutated in useFrame (never React state). */
export interface PrintSim {
  kind: 'none' | 'failed' | 'good'
  /** progress along the job's path, in path-mm */
  t: number
  /** nozzle temperature 0..1 (1 = about 200 °C) */
  temp: number
  sag: number
  hide: number
  /** lines finished */
  done: number
  layer: number
  /** nozzle tip, print millimetres */
  head: Vector3
  /** true while the nozzle is on the path (not parked) */
  onPath: boolean
}

export function createSim(): PrintSim {
  return { kind: 'none', t: 0, temp: 0, sag: 0, hide: 0, done: 0, layer: 0, head: new Vector3(PARK_MM.x, PARK_MM.y, PARK_MM.z), onPath: false }
}

/**
 * Put the nozzle where the job is at time sim.t: on the line being printed, or travelling
 * between two lines. Writes into sim (no allocation). Returns false when the job is done.
 */
export function placeHead(job: PrintJob, sim: PrintSim, layerHeight: number): boolean {
  const t = sim.t
  const i = linesDoneAt(job, t)
  sim.done = i
  if (i >= job.lineCount) {
    sim.layer = job.layerCount
    return false
  }
  const L = job.lines
  const y = L[i * 5 + 4]! + layerHeight / 2
  sim.layer = job.layerOf[i]! + 1
  if (t >= job.tStart[i]!) {
    const k = (t - job.tStart[i]!) / Math.max(1e-6, job.tEnd[i]! - job.tStart[i]!)
    sim.head.set(L[i * 5]! + (L[i * 5 + 2]! - L[i * 5]!) * k, y, L[i * 5 + 1]! + (L[i * 5 + 3]! - L[i * 5 + 1]!) * k)
  } else {
    // travelling from the end of the previous line (or from the first line's start)
    const p = i > 0 ? i - 1 : 0
    const t0 = i > 0 ? job.tEnd[p]! : 0
    const k = (t - t0) / Math.max(1e-6, job.tStart[i]! - t0)
    const fx = i > 0 ? L[p * 5 + 2]! : L[0]!
    const fz = i > 0 ? L[p * 5 + 3]! : L[1]!
    sim.head.set(fx + (L[i * 5]! - fx) * k, y, fz + (L[i * 5 + 1]! - fz) * k)
  }
  return true
}
