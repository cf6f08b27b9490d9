import type { ThreeEvent } from '@react-three/fiber'
import { useLayoutEffect, useRef } from 'react'
import { Color, Object3D, type InstancedMesh } from 'three'
import { COLORS as C } from './layout.ts'
import type { Figure } from './people.ts'

const SKIN = new Color(C.skin)

/** A group of people: bodies and heads, two instanced draw calls, re-posed only when `figures` changes. */
export function Crowd({ figures, onClick, name }: { figures: readonly Figure[]; onClick?: (e: ThreeEvent<MouseEvent>) => void; name?: string }) {
  const bodies = useRef<InstancedMesh>(null)
  const heads = useRef<InstancedMesh>(null)

  useLayoutEffect(() => {
    const b = bodies.current
    const h = heads.current
    if (!b || !h) return
    const o = new Object3D()
    const c = new Color()
    figures.forEach((f, i) => {
      o.position.set(f.x, f.bodyY, f.z)
      o.scale.set(f.s, f.bodySY * f.s, f.s)
      o.updateMatrix()
      b.setMatrixAt(i, o.matrix)
      b.setColorAt(i, c.set(f.color))
      o.position.set(f.x, f.headY, f.z)
      o.scale.setScalar(f.s)
      o.updateMatrix()
      h.setMatrixAt(i, o.matrix)
      h.setColorAt(i, SKIN)
    })
    for (const m of [b, h]) {
      m.count = figures.length
      m.instanceMatrix.needsUpdate = true
      if (m.instanceColor) m.instanceColor.needsUpdate = true
      m.computeBoundingSphere()
    }
  }, [figures])

  const max = Math.max(figures.length, 1)
  return (
    <group name={name} onClick={onClick}>
      <instancedMesh ref={bodies} args={[undefined, undefined, max]}>
        <capsuleGeometry args={[0.17, 0.5, 4, 8]} />
        <meshLambertMaterial />
      </instancedMesh>
      <instancedMesh ref={heads} args={[undefined, undefined, max]}>
        <sphereGeometry args={[0.11, 12, 8]} />
        <meshLambertMaterial />
      </instancedMesh>
    </group>
  )
}
