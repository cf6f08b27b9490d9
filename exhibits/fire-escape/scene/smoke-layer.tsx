import { useFrame } from '@react-three/fiber'
import { useLayoutEffect, useMemo, useRef } from 'react'
import { Color, DoubleSide, Object3D, type InstancedMesh, type MeshBasicMaterial } from 'three'
import { CEILING, Z_FAR, Z_NEAR } from './layout.ts'
import type { PartProps } from './part-props.ts'

const COUNT = 18
const NEAR = new Color('#b5b2ae')
const FAR = new Color('#5a5450')

/** Per-instance constants, computed once: where each sheet of smoke drifts. */
function seeds() {
  return Array.from({ length: COUNT }, (_, i) => ({
    z: Z_NEAR - 1 - (i / (COUNT - 1)) * (Z_NEAR - Z_FAR - 1.5),
    layer: ((i * 7) % 5) / 4, // 0..1: where in the smoke's depth this sheet floats
    phase: i * 1.7,
    spin: (i % 2 ? 1 : -1) * (0.02 + (i % 3) * 0.01),
  }))
}

/**
 * Smoke under the ceiling: 30 horizontal translucent sheets in one instanced draw call,
 * drifting slowly. Thickness (how low it reaches, how opaque) follows `stage.smoke`.
 * One Object3D is reused for every matrix; nothing is allocated per frame.
 */
export function SmokeLayer({ live }: Pick<PartProps, 'live'>) {
  const mesh = useRef<InstancedMesh>(null)
  const mat = useRef<MeshBasicMaterial>(null)
  const data = useMemo(() => seeds(), [])
  const dummy = useMemo(() => new Object3D(), [])
  const level = useRef(0.1)

  useLayoutEffect(() => {
    const m = mesh.current
    if (!m) return
    const c = new Color()
    data.forEach((d, i) => m.setColorAt(i, c.copy(NEAR).lerp(FAR, (Z_NEAR - d.z) / (Z_NEAR - Z_FAR))))
    if (m.instanceColor) m.instanceColor.needsUpdate = true
  }, [data])

  useFrame(({ clock }, dt) => {
    const m = mesh.current
    if (!m) return
    const t = clock.elapsedTime
    level.current += (live.current.smoke - level.current) * (1 - Math.exp(-dt * 0.8))
    const l = level.current
    const bottom = 2.45 - 0.75 * l // the smoke comes down as the fire grows
    const top = CEILING - 0.08
    for (let i = 0; i < data.length; i++) {
      const d = data[i]!
      dummy.position.set(
        0.25 * Math.sin(t * 0.13 + d.phase),
        bottom + d.layer * (top - bottom) + 0.04 * Math.sin(t * 0.4 + d.phase),
        d.z + 0.3 * Math.sin(t * 0.09 + d.phase),
      )
      dummy.rotation.set(-Math.PI / 2, 0, d.phase + t * d.spin)
      dummy.updateMatrix()
      m.setMatrixAt(i, dummy.matrix)
    }
    m.instanceMatrix.needsUpdate = true
    if (mat.current) mat.current.opacity = 0.035 + 0.06 * l
  })

  return (
    <instancedMesh ref={mesh} args={[undefined, undefined, COUNT]} frustumCulled={false} renderOrder={2}>
      <planeGeometry args={[3.6, 2.4]} />
      <meshBasicMaterial ref={mat} transparent opacity={0.04} depthWrite={false} side={DoubleSide} />
    </instancedMesh>
  )
}
