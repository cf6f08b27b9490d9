import { useThree } from '@react-three/fiber'
import { createContext, use, useContext } from 'react'
import type { Matrix4 } from 'three'
import { MeshLambertMaterial, Quaternion, Vector3, type BufferGeometry, type Material, type Mesh, type WebGLRenderer } from 'three'
import type { GLTF } from 'three/examples/jsm/loaders/GLTFLoader.js'

/** One named part of a model: its geometry and its node's transform (meshopt's dequantisation). */
export interface ModelPart {
  geometry: BufferGeometry
  position: Vector3
  quaternion: Quaternion
  scale: Vector3
  /** the same transform as one matrix, for instances: `figure matrix × part.matrix` */
  matrix: Matrix4
}

/** What `useModel` returns: the file's parts by name and the kit's one material. */
export interface Model {
  /** every mesh node of the file, by its name */
  parts: Record<string, ModelPart>
  /** the kit's one material, as a Lambert material (what the exhibits light): vertex colours, its texture if any */
  material: Material
}

/**
 * Where model bytes come from when not from the network: `@sophora/sdk/testing` reads the file
 * from disk (jsdom has no server). Not for exhibits.
 */
export const ModelReader = createContext<((url: string) => Promise<ArrayBuffer>) | null>(null)

/** One load per URL and page, shared by every visit (the platform disposes GPU copies on exit). */
const loaded = new Map<string, Promise<Model>>()

function load(url: string, gl: WebGLRenderer, read: ((url: string) => Promise<ArrayBuffer>) | null): Promise<Model> {
  let p = loaded.get(url)
  if (!p) {
    // The loaders (~14 KB gzip) are their own chunk, fetched at the first model: the lobby does not pay for them.
    p = import('./model-loader.ts')
      .then(({ gltfLoader }) => {
        const loader = gltfLoader(gl)
        return read ? read(url).then((bytes) => loader.parseAsync(bytes, '')) : loader.loadAsync(url)
      })
      .then(toModel)
    // a failed load is not cached: the next visit tries again
    p.catch(() => loaded.delete(url))
    loaded.set(url, p)
  }
  return p
}

function toModel(gltf: GLTF): Model {
  const parts: Record<string, ModelPart> = {}
  let material: Material | null = null
  gltf.scene.updateMatrixWorld(true)
  gltf.scene.traverse((o) => {
    const mesh = o as Mesh
    if (!mesh.isMesh) return
    if (!material) {
      const src = mesh.material as Material & { map?: MeshLambertMaterial['map']; color?: MeshLambertMaterial['color'] }
      material = new MeshLambertMaterial({ vertexColors: mesh.geometry.hasAttribute('color'), map: src.map ?? null, color: src.color })
    }
    const matrix = mesh.matrixWorld.clone()
    const part: ModelPart = { geometry: mesh.geometry, position: new Vector3(), quaternion: new Quaternion(), scale: new Vector3(), matrix }
    matrix.decompose(part.position, part.quaternion, part.scale)
    parts[mesh.name] = part
  })
  return { parts, material: material ?? new MeshLambertMaterial() }
}

/**
 * A glTF model from the exhibit's own folder, compressed by the model pipeline
 * (`scripts/models/`: meshopt geometry, KTX2 textures, one material per kit). Decoders are
 * three's own, bundled: nothing is fetched from another origin. Suspends while loading (wrap
 * the part that uses it in `<Suspense>`); loaded once per page and shared between visits. The
 * platform disposes what the scene shows on exit, as for any geometry (a part you stop drawing
 * mid-visit: dispose its geometry when it unmounts, as `ModelMesh` does); a failed load throws
 * to the exhibit's error boundary.
 *
 * @example
 * const url = new URL('../assets/models/printer.glb', import.meta.url).href
 * const { parts, material } = useModel(url)
 * const frame = parts['printer-frame']!
 * return <mesh geometry={frame.geometry} material={material} position={frame.position} quaternion={frame.quaternion} scale={frame.scale} />
 */
export function useModel(url: string): Model {
  const gl = useThree((s) => s.gl)
  return use(load(url, gl, useContext(ModelReader)))
}
