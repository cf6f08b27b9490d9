import { useFrame } from '@react-three/fiber'
import { useLayoutEffect, useMemo, useRef } from 'react'
import { AdditiveBlending, Color, Object3D, type InstancedMesh } from 'three'
import { FIRE_Z, HALF_W } from './layout.ts'

const COUNT = 9
const TINTS = ['#ffcc33', '#ff8a1f', '#ff5a1a'].map((c) => new Color(c))

/** Flames at the far end of the corridor: 9 flickering cones, one additive draw call. */
export function FireGlow() {
  const mesh = useRef<InstancedMesh>(null)
  const dummy = useMemo(() => new Object3D(), [])
  const flames = useMemo(
    () =>
      Array.from({ length: COUNT }, (_, i) => ({
        x: -HALF_W + 0.3 + (i / (COUNT - 1)) * (2 * HALF_W - 0.6),
        z: FIRE_Z - 0.3 * (i % 3),
        h: 0.9 + (0.5 * ((i * 5) % 3)) / 2,
        phase: i * 2.3,
      })),
    [],
  )

  useLayoutEffect(() => {
    const m = mesh.current
    if (!m) return
    flames.forEach((_, i) => m.setColorAt(i, TINTS[i % TINTS.length]!))
    if (m.instanceColor) m.instanceColor.needsUpdate = true
  }, [flames])

  useFrame(({ clock }) => {
    const m = mesh.current
    if (!m) return
    const t = clock.elapsedTime
    for (let i = 0; i < flames.length; i++) {
      const f = flames[i]!
      const s = 1 + 0.18 * Math.sin(t * 8 + f.phase) + 0.07 * Math.sin(t * 19 + f.phase)
      const h = f.h * s
      dummy.position.set(f.x, h / 2, f.z)
      dummy.scale.set(1, h, 1)
      dummy.updateMatrix()
      m.setMatrixAt(i, dummy.matrix)
    }
    m.instanceMatrix.needsUpdate = true
  })

  return (
    <instancedMesh ref={mesh} args={[undefined, undefined, COUNT]} frustumCulled={false}>
      <coneGeometry args={[0.32, 1, 7]} />
      <meshBasicMaterial transparent opacity={0.85} blending={AdditiveBlending} depthWrite={false} />
    </instancedMesh>
  )
}
