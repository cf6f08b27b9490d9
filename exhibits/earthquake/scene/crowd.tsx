import type { ThreeEvent } from '@react-three/fiber'
import { useModel, type Model } from '@sophora/sdk'
import { Suspense, useEffect, useLayoutEffect, useMemo, useRef } from 'react'
import { Matrix4, type InstancedMesh } from 'three'
import type { Figure, FigureKind } from './people.ts'

const PEOPLE_URL = new URL('../assets/models/classroom-people.glb', import.meta.url).href

interface Props {
  figures: readonly Figure[]
  onClick?: (e: ThreeEvent<MouseEvent>) => void
  name?: string
}

/**
 * A group of people from the classroom kit (classmates, the teacher): one instanced draw call
 * per pose in use, re-posed only when `figures` changes. Lit by the place's one cheap light
 * (lights.tsx); the room around them is baked.
 */
export function Crowd({ figures, onClick, name }: Props) {
  // the group (a tap target, a named subject) is there at once; the figures appear when loaded
  return (
    <group name={name} onClick={onClick}>
      <Suspense fallback={null}>
        <CrowdModel figures={figures} />
      </Suspense>
    </group>
  )
}

function CrowdModel({ figures }: Pick<Props, 'figures'>) {
  const model = useModel(PEOPLE_URL)
  const byKind = useMemo(() => {
    const m = new Map<FigureKind, Figure[]>()
    for (const f of figures) m.set(f.kind, [...(m.get(f.kind) ?? []), f])
    return [...m]
  }, [figures])
  return byKind.map(([kind, list]) => <Pose key={kind} model={model} kind={kind} list={list} />)
}

function Pose({ model, kind, list }: { model: Model; kind: FigureKind; list: readonly Figure[] }) {
  const ref = useRef<InstancedMesh>(null)
  const part = model.parts[kind]
  useLayoutEffect(() => {
    const m = ref.current
    if (!m || !part) return
    const place = new Matrix4()
    list.forEach((f, i) => {
      place.makeRotationY(f.yaw).setPosition(f.x, f.y, f.z)
      m.setMatrixAt(i, place.multiply(part.matrix))
    })
    m.count = list.length
    m.instanceMatrix.needsUpdate = true
    m.computeBoundingSphere()
  }, [list, part])
  // a pose no longer shown (seated → ducked) leaves the tree: free its GPU copy now, not never
  useEffect(() => () => part?.geometry.dispose(), [part])
  if (!part) throw new Error(`classroom-people.glb has no figure "${kind}"`)
  return <instancedMesh ref={ref} args={[part.geometry, model.material, list.length]} name={kind} />
}
