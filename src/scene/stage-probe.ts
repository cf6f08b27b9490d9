import type { RootState } from '@react-three/fiber'
import type { XRStore } from '@react-three/xr'

/** Renderer counters, for the benchmark, the authoring meter and end-to-end tests (exact even on SwiftShader). */
export interface RendererCounts {
  geometries: number
  textures: number
  programs: number
  calls: number
  triangles: number
  frames: number
}

/** The live stage: its R3F root and XR store. Read by the authoring meter and, in test builds, the test bridge. */
export interface StageRoot {
  get(): RootState
  xrStore: XRStore
}

let current: StageRoot | null = null

/** The stage registers itself while mounted; returns the cleanup that unregisters it. */
export function registerStage(root: StageRoot): () => void {
  current = root
  return () => {
    if (current === root) current = null
  }
}

export function getStage(): StageRoot | null {
  return current
}

export function readRendererCounts(): RendererCounts | null {
  if (!current) return null
  const { memory, render, programs } = current.get().gl.info
  return {
    geometries: memory.geometries,
    textures: memory.textures,
    programs: programs?.length ?? 0,
    calls: render.calls,
    triangles: render.triangles,
    frames: render.frame,
  }
}
