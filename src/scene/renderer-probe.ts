import type { WebGLRenderer } from 'three'

/** Renderer counters, for the benchmark and end-to-end tests (exact even on SwiftShader). */
export interface RendererCounts { geometries: number; textures: number; programs: number; calls: number; triangles: number }

let current: WebGLRenderer | null = null
export function setProbedRenderer(gl: WebGLRenderer | null) { current = gl }
export function readRendererCounts(): RendererCounts | null {
  if (!current) return null
  const { memory, render, programs } = current.info
  return { geometries: memory.geometries, textures: memory.textures, programs: programs?.length ?? 0, calls: render.calls, triangles: render.triangles }
}
