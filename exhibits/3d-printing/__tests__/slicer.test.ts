import { BoxGeometry, CylinderGeometry, ExtrudeGeometry, Path, Shape, TorusGeometry, type BufferGeometry } from 'three'
import { describe, expect, it } from 'vitest'
import { MODEL_IDS, modelTriangles, sliceForPrint } from '../models.ts'
import { area, infillLines, insideLoops, perimeter, sliceModel, toTriangles } from '../slicer.ts'
import { dropBridged, findSupports, overhangTriangles } from '../supports.ts'
import { KIND, VERTS_PER_LINE, buildJob, linesDoneAt } from '../toolpath.ts'

const tris = (g: BufferGeometry) => toTriangles(g.getAttribute('position').array, g.index?.array)

describe('slicer', () => {
  it('cuts a 20 mm cube into 40 layers of 0.5 mm, each one square loop 80 mm round', () => {
    const layers = sliceModel(tris(new BoxGeometry(20, 20, 20).translate(0, 10, 0)), 0.5)
    expect(layers).toHaveLength(40)
    for (const l of layers) {
      expect(l.loops).toHaveLength(1)
      expect(l.loops[0]).toHaveLength(4) // the cut through each side's two triangles is merged into one edge
      expect(perimeter(l.loops[0]!)).toBeCloseTo(80, 6)
      expect(Math.abs(area(l.loops[0]!))).toBeCloseTo(400, 6)
    }
    expect(layers[0]!.y).toBeCloseTo(0.25)
  })

  it('gives layer count = height / layer height', () => {
    const t = tris(new BoxGeometry(10, 12, 10).translate(0, 6, 0))
    expect(sliceModel(t, 0.2)).toHaveLength(60)
    expect(sliceModel(t, 0.3)).toHaveLength(40)
  })

  it('finds two loops (outside and hole) in a ring and in a torus', () => {
    const shape = new Shape().absarc(0, 0, 10, 0, Math.PI * 2, false)
    shape.holes.push(new Path().absarc(0, 0, 5, 0, Math.PI * 2, true))
    const ring = new ExtrudeGeometry(shape, { depth: 4, bevelEnabled: false, curveSegments: 32 }).rotateX(-Math.PI / 2)
    for (const l of sliceModel(tris(ring), 0.5)) {
      expect(l.loops).toHaveLength(2)
      const [r1, r2] = l.loops.map((p) => perimeter(p) / (2 * Math.PI)).sort((a, b) => a - b)
      expect(r1).toBeCloseTo(5, 0)
      expect(r2).toBeCloseTo(10, 0)
      expect(insideLoops(l.loops, 7.5, 0)).toBe(true)
      expect(insideLoops(l.loops, 0, 0)).toBe(false) // the hole
    }
    const torus = new TorusGeometry(10, 3, 16, 48).rotateX(Math.PI / 2)
    const mid = sliceModel(tris(torus), 0.5).filter((l) => Math.abs(l.y) < 2)
    expect(mid.length).toBeGreaterThan(0)
    for (const l of mid) expect(l.loops).toHaveLength(2)
  })

  it('fills inside the walls only, criss-crossing from layer to layer', () => {
    const [l] = sliceModel(tris(new BoxGeometry(20, 1, 10).translate(0, 0.5, 0)), 1)
    const alongX = infillLines(l!.loops, 5, true, 0.5)
    const alongZ = infillLines(l!.loops, 5, false, 0.5)
    expect(alongX).toHaveLength(2)
    expect(alongZ).toHaveLength(4)
    for (const [ax, az, bx, bz] of [...alongX, ...alongZ]) {
      expect(insideLoops(l!.loops, (ax! + bx!) / 2, (az! + bz!) / 2)).toBe(true)
    }
  })
})

describe('supports', () => {
  it('gives a plain cube and a cylinder no supports', () => {
    expect(findSupports(tris(new BoxGeometry(20, 20, 20).translate(0, 10, 0)))).toEqual([])
    expect(findSupports(tris(new CylinderGeometry(5, 8, 10, 24).translate(0, 5, 0)))).toEqual([])
    expect(overhangTriangles(tris(new BoxGeometry(20, 20, 20)))).toBe(0)
  })

  it('puts pillars under both arms of the T, from the plate up to the arms, none under the stem', () => {
    const t = modelTriangles('t-shape')
    const pillars = findSupports(t, { spacing: 4 })
    expect(pillars.length).toBeGreaterThan(0)
    for (const p of pillars) {
      expect(Math.abs(p.x)).toBeGreaterThan(5) // outside the stem (x -5..5)
      expect(Math.abs(p.x)).toBeLessThan(20)
      expect(p.bottom).toBe(0)
      expect(p.top).toBeCloseTo(28)
    }
    expect(pillars.some((p) => p.x < 0)).toBe(true)
    expect(pillars.some((p) => p.x > 0)).toBe(true)
  })

  it('respects the 45° rule: a 45° slope needs nothing, a flatter one does', () => {
    // a wedge whose underside slopes: steep (60° from horizontal) vs shallow (30°)
    const wedge = (rise: number) => {
      const s = new Shape()
        .moveTo(0, 0)
        .lineTo(2, 0)
        .lineTo(2 + 10, rise)
        .lineTo(2 + 10, rise + 2)
        .lineTo(0, 2)
        .closePath()
      return new ExtrudeGeometry(s, { depth: 6, bevelEnabled: false })
    }
    expect(findSupports(tris(wedge(17.32)))).toEqual([]) // underside 60° from horizontal: fine
    expect(findSupports(tris(wedge(10)))).toEqual([]) // exactly 45°: fine
    expect(findSupports(tris(wedge(5))).length).toBeGreaterThan(0) // ~27°: droops, needs support
  })

  it('supports the signpost arm on its open side only, and the mushroom cap around the stem', () => {
    const arm = sliceForPrint('signpost').pillars
    expect(arm.length).toBeGreaterThan(0)
    for (const p of arm) {
      expect(p.x).toBeGreaterThan(-7) // right of the post (x -17..-7), under the arm
      expect(p.top).toBeCloseTo(22)
      expect(p.bottom).toBe(0)
    }
    const mush = findSupports(modelTriangles('mushroom'))
    expect(mush.length).toBeGreaterThan(4)
    for (const p of mush) expect(Math.hypot(p.x, p.z)).toBeGreaterThan(6)
  })
})

describe('bridging and orientation', () => {
  // two 9 mm legs 17 mm apart with a deck on top: the classic bridge
  const bridge = () => {
    const g = [
      new BoxGeometry(9, 20, 12).translate(-13, 10, 0),
      new BoxGeometry(9, 20, 12).translate(13, 10, 0),
      new BoxGeometry(40, 8, 12).translate(0, 24, 0),
    ]
    return new Float32Array([...g.flatMap((x) => [...tris(x)])])
  }

  it('prints a 17 mm bridge without supports, but keeps them under the deck ends that hang out', () => {
    const t = bridge()
    const raw = findSupports(t, { spacing: 4 })
    const under = raw.filter((p) => Math.abs(p.x) < 8.5)
    expect(under.length).toBeGreaterThan(0) // the overhang rule alone would support the span...
    const kept = dropBridged(raw, sliceModel(t, 1))
    expect(kept.filter((p) => Math.abs(p.x) < 8.5)).toEqual([]) // ...bridging does not need it
    expect(kept.length).toBeGreaterThan(0) // the deck overhangs past each leg (x 17.5..20): one-sided
    for (const p of kept) expect(Math.abs(p.x)).toBeGreaterThan(17.5)
  })

  it('does not bridge a span longer than the limit', () => {
    const t = bridge()
    const raw = findSupports(t, { spacing: 4 })
    expect(dropBridged(raw, sliceModel(t, 1), 10).filter((p) => Math.abs(p.x) < 8.5).length).toBeGreaterThan(0)
  })

  it('needs no supports at all for any model printed upside down', () => {
    for (const id of MODEL_IDS) {
      expect(findSupports(modelTriangles(id)).length, id).toBeGreaterThan(0)
      // turned over, every down-facing face lies on the plate or on the model (no gap to fill)
      expect(findSupports(modelTriangles(id, true)), id).toEqual([])
    }
  })
})

describe('print job', () => {
  it('plans every model as layers of walls, infill and (when asked) supports, one buffer', () => {
    for (const id of MODEL_IDS) {
      const m = sliceForPrint(id)
      expect(m.pillars.length, id).toBeGreaterThan(0)
      const { good, failed } = m
      expect(good.layerCount).toBe(m.layers.length)
      expect(good.position.length).toBe(good.lineCount * VERTS_PER_LINE * 3)
      expect(good.kind.includes(KIND.support), id).toBe(true)
      expect(failed.kind.includes(KIND.support), id).toBe(false)
      expect(good.overhangLayer, id).toBeGreaterThan(0)
      // lines are in layer order, so a draw range reveals the print from the bottom up
      for (let i = 1; i < good.lineCount; i++) expect(good.layerOf[i]!).toBeGreaterThanOrEqual(good.layerOf[i - 1]!)
      expect(linesDoneAt(good, 0)).toBe(0)
      expect(linesDoneAt(good, good.total)).toBe(good.lineCount)
      // only the failed print sags, and only above the overhang
      expect(Math.max(...failed.sagAttr)).toBeGreaterThan(5)
      expect(Math.max(...good.sagAttr)).toBe(0)
      const low = failed.position.filter((_, i) => i % 3 === 1 && failed.position[i]! < 15).length
      expect(low).toBeGreaterThan(0)
      expect(good.lineCount * 6, id).toBeLessThan(30_000) // triangles
    }
  })

  it('prints one layer: walls follow the contour exactly', () => {
    const layers = sliceModel(tris(new BoxGeometry(20, 2, 20).translate(0, 1, 0)), 1)
    const job = buildJob(layers, [], { layerHeight: 1, lineWidth: 0.8, infillSpacing: 50 })
    const walls = [...job.kind].filter((k) => k === KIND.wall).length
    expect(walls).toBe(8) // 4 edges x 2 layers
    expect(job.layerStart[0]).toBe(0)
    expect(job.layerStart[2]).toBe(job.lineCount)
  })
})
