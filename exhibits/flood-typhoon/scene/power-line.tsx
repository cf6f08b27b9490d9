import { useFrame } from '@react-three/fiber'
import { Label3D, useExhibit, useTapChoice } from '@sophora/sdk'
import { Suspense, useMemo, useRef } from 'react'
import { AdditiveBlending, Object3D, Quaternion, Vector3, type InstancedMesh } from 'three'
import { COLORS as C, POLE, WIRE_END } from './layout.ts'
import type { PartProps } from './part-props.ts'
import type zh from '../locales/zh-CN.json'

const SPARKS = 12

/** A thin cylinder from `a` to `b`: position, rotation and length, computed once. */
export function segment(a: Vector3, b: Vector3) {
  const dir = b.clone().sub(a)
  const length = dir.length()
  const quaternion = new Quaternion().setFromUnitVectors(new Vector3(0, 1, 0), dir.normalize())
  return { position: a.clone().add(b).multiplyScalar(0.5), quaternion, length }
}

/**
 * The wire the wind snapped: it hangs from the cross-arm into the flood and sparks where it
 * meets the water (one additive instanced draw call). Tapping the wire = "move it with a stick".
 */
export function PowerLine({ stage, live }: PartProps) {
  const ctx = useExhibit<typeof zh>()
  const tap = useTapChoice()
  const sparks = useRef<InstancedMesh>(null)
  const dummy = useMemo(() => new Object3D(), [])
  const top = useMemo(() => new Vector3(POLE.x + 1, POLE.top, POLE.z), [])
  const hang = useMemo(() => segment(top, new Vector3(WIRE_END.x, 0.05, WIRE_END.z)), [top])
  const lie = useMemo(() => segment(new Vector3(WIRE_END.x, 0.05, WIRE_END.z), new Vector3(WIRE_END.x + 1.6, 0.05, WIRE_END.z + 0.9)), [])

  useFrame(({ clock }) => {
    const m = sparks.current
    if (!m) return
    const s = live.current
    m.visible = s.sparks
    if (!s.sparks) return
    const t = clock.elapsedTime
    for (let i = 0; i < SPARKS; i++) {
      // each spark flies out and fades over ~0.4 s, staggered; deterministic, no allocation
      const life = (t * 2.5 + i / SPARKS) % 1
      const a = i * 2.4
      const r = 0.15 + life * 0.6
      dummy.position.set(WIRE_END.x + Math.cos(a) * r, s.water + 0.05 + Math.sin(life * Math.PI) * 0.45, WIRE_END.z + Math.sin(a) * r)
      dummy.scale.setScalar(1 - life)
      dummy.updateMatrix()
      m.setMatrixAt(i, dummy.matrix)
    }
    m.instanceMatrix.needsUpdate = true
  })

  return (
    <group visible={stage.wireDown}>
      <group name="fallen-wire" onClick={tap('power-line', 'wire-move-stick')}>
        <mesh position={hang.position} quaternion={hang.quaternion}>
          <cylinderGeometry args={[0.03, 0.03, hang.length, 5]} />
          <meshLambertMaterial color={C.wire} />
        </mesh>
        <mesh position={lie.position} quaternion={lie.quaternion}>
          <cylinderGeometry args={[0.03, 0.03, lie.length, 5]} />
          <meshLambertMaterial color={C.wire} />
        </mesh>
      </group>
      <instancedMesh ref={sparks} args={[undefined, undefined, SPARKS]} frustumCulled={false} visible={false}>
        <octahedronGeometry args={[0.06, 0]} />
        <meshBasicMaterial color={C.spark} blending={AdditiveBlending} transparent depthWrite={false} />
      </instancedMesh>
      <Suspense fallback={null}>
        <Label3D
          position={[WIRE_END.x + 1.5, 1.4, WIRE_END.z]}
          fontSize={0.3}
          color={C.warnYellow}
          outlineWidth={0.02}
          outlineColor="#2a1a00"
          anchorX="center"
          anchorY="middle"
        >
          {ctx.t('scene.danger-wire')}
        </Label3D>
      </Suspense>
    </group>
  )
}
