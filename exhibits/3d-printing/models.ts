import { BoxGeometry, CylinderGeometry, type BufferGeometry } from 'three'
import { mergeGeometries } from 'three/addons/utils/BufferGeometryUtils.js'
import { sliceModel, toTriangles, type Layer } from './slicer.ts'
import { dropBridged, findSupports, sagFootprint, type Pillar } from './supports.ts'
import { buildJob, type PrintJob } from './toolpath.ts'

/**
 * The models a student can print. Each has an overhang open on one side (no bridge: a short
 * span between two pillars prints without supports, see supports.ts), so each needs supports
 * as it stands, and none would if turned upside down.
 */
export const MODEL_IDS = ['t-shape', 'signpost', 'mushroom'] as const
export type ModelId = (typeof MODEL_IDS)[number]

/**
 * Shown layers are thicker than a real printer's (0.1-0.3 mm) so a student can see and count
 * them, and the print finishes in seconds instead of an hour.
 */
export const LAYER_MM = 1
export const LINE_MM = 0.9
export const INFILL_MM = 5

const box = (w: number, h: number, d: number, x: number, y: number, z = 0) => new BoxGeometry(w, h, d).translate(x, y, z)

/** Solid parts touch but never overlap, so every layer cuts exactly one shell per part. */
function parts(id: ModelId): BufferGeometry[] {
  switch (id) {
    case 't-shape':
      return [box(10, 28, 12, 0, 14), box(40, 10, 12, 0, 33)]
    case 'signpost':
      // a post with one arm sticking out to the right: a one-sided overhang
      return [box(10, 30, 12, -12, 15), box(26, 8, 12, 6, 26)]
    case 'mushroom':
      // the cap's sloping top is exactly 45°: printable; its flat underside is not
      return [new CylinderGeometry(6, 7, 20, 20).translate(0, 10, 0), new CylinderGeometry(5, 17, 12, 24).translate(0, 26, 0)]
  }
}

/** The model as one mesh (mm, Y up, standing on y = 0). The caller owns it. */
export function modelGeometry(id: ModelId): BufferGeometry {
  const ps = parts(id)
  const g = mergeGeometries(ps, false)
  for (const p of ps) p.dispose()
  if (!g) throw new Error(`model ${id}: parts do not merge`)
  return g
}

/** The model as printed upside down (turned over about the X axis, still standing on y = 0). */
export function flippedGeometry(id: ModelId): BufferGeometry {
  const g = modelGeometry(id).rotateX(Math.PI)
  g.computeBoundingBox()
  return g.translate(0, -g.boundingBox!.min.y, 0)
}

export function modelTriangles(id: ModelId, flipped = false): Float32Array {
  const g = flipped ? flippedGeometry(id) : modelGeometry(id)
  const tris = toTriangles(g.getAttribute('position').array, g.index?.array)
  g.dispose()
  return tris
}

export interface SlicedModel {
  layers: Layer[]
  pillars: Pillar[]
  /** printed without supports: the overhang sags */
  failed: PrintJob
  /** printed with supports */
  good: PrintJob
}

/** Slice a model and plan both prints. Pure data; a few milliseconds. */
export function sliceForPrint(id: ModelId): SlicedModel {
  const tris = modelTriangles(id)
  const layers = sliceModel(tris, LAYER_MM)
  const pillars = dropBridged(findSupports(tris, { spacing: 4 }), layers)
  const opts = { layerHeight: LAYER_MM, lineWidth: LINE_MM, infillSpacing: INFILL_MM }
  return {
    layers,
    pillars,
    failed: buildJob(layers, [], { ...opts, sag: sagFootprint(layers, pillars) }),
    good: buildJob(layers, pillars, opts),
  }
}
