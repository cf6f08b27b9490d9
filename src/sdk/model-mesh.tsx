import type { ThreeElements } from '@react-three/fiber'
import { Suspense, useEffect } from 'react'
import { useModel } from './model.ts'

/** `ModelMesh`'s props: a mesh's props (not its geometry, material or transform) plus the file and the part. */
export type ModelMeshProps = Omit<ThreeElements['mesh'], 'geometry' | 'material' | 'position' | 'quaternion' | 'scale' | 'rotation'> & {
  /** the model file: `new URL('../assets/models/x.glb', import.meta.url).href` */
  url: string
  /** the mesh node's name in the file */
  part: string
}

/**
 * One named part of a model (see `useModel`) as a mesh, with the kit's material, loaded in its
 * own `<Suspense>`: the parent group (a tap target, a `subject`, a ref moved in `useFrame`)
 * exists at once and the part appears when loaded. Place it by its parent group: the mesh's own
 * transform is the part's.
 *
 * @example
 * <group ref={head} name="print-head"><ModelMesh url={PRINTER} part="printer-head" /></group>
 */
export function ModelMesh(props: ModelMeshProps) {
  return (
    <Suspense fallback={null}>
      <PartMesh {...props} />
    </Suspense>
  )
}

function PartMesh({ url, part, ...rest }: ModelMeshProps) {
  const { parts, material } = useModel(url)
  const p = parts[part]
  // unmounted mid-visit, the part is no longer in the tree the platform disposes on exit: free it
  // here (another mesh still drawing it only uploads it again)
  useEffect(() => () => p?.geometry.dispose(), [p])
  if (!p) throw new Error(`${url} has no part "${part}" (it has: ${Object.keys(parts).join(', ')})`)
  return <mesh {...rest} geometry={p.geometry} material={material} position={p.position} quaternion={p.quaternion} scale={p.scale} />
}
