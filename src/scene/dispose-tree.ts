import type { Material, Object3D, Texture } from 'three'

function isTexture(v: unknown): v is Texture {
  return typeof v === 'object' && v !== null && (v as { isTexture?: boolean }).isTexture === true
}

function disposeMaterial(m: Material, seen: Set<unknown>) {
  if (seen.has(m)) return
  seen.add(m)
  for (const v of Object.values(m))
    if (isTexture(v) && !seen.has(v)) {
      seen.add(v)
      v.dispose()
    }
  m.dispose()
}

/**
 * Dispose every geometry, material and material texture under `root`. Structural
 * cleanup: whatever an exhibit put in its subtree is freed when it exits, declared
 * in JSX or created imperatively, so renderer.info.memory returns to its baseline.
 */
export function disposeTree(root: Object3D): void {
  const seen = new Set<unknown>()
  root.traverse((o) => {
    const mesh = o as Object3D & { geometry?: { dispose(): void }; material?: Material | Material[] }
    if (mesh.geometry && !seen.has(mesh.geometry)) {
      seen.add(mesh.geometry)
      mesh.geometry.dispose()
    }
    const mats = Array.isArray(mesh.material) ? mesh.material : mesh.material ? [mesh.material] : []
    for (const m of mats) disposeMaterial(m, seen)
  })
}
