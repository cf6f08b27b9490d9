import { useFrame } from '@react-three/fiber'
import { pulse, useTapChoice } from '@sophora/sdk'
import { useMemo, useRef } from 'react'
import { Quaternion, Vector3, type Mesh, type MeshLambertMaterial } from 'three'
import { COLORS as C, TOWEL_HOOK } from './layout.ts'
import type { PartProps } from './part-props.ts'

/** Where the held towel sits in the viewer's view: low and to the right, half a metre away. */
const HELD_OFFSET = new Vector3(0.14, -0.22, -0.42)
const HANG_ROT = new Quaternion().setFromAxisAngle(new Vector3(0, 1, 0), -Math.PI / 2)

/**
 * The towel hangs on a hook; once "cover your nose and mouth" is done it follows the
 * viewer's head (read from the camera, never moved), darker because it is wet.
 */
export function Towel({ stage, live }: PartProps) {
  const tap = useTapChoice()
  const mesh = useRef<Mesh>(null)
  const mat = useRef<MeshLambertMaterial>(null)
  const tmp = useMemo(
    () => ({ pos: new Vector3(), quat: new Quaternion(), parentQuat: new Quaternion(), offset: new Vector3(), hook: new Vector3(...TOWEL_HOOK) }),
    [],
  )

  useFrame(({ camera, clock }, dt) => {
    const m = mesh.current
    if (!m) return
    const s = live.current
    const k = 1 - Math.exp(-dt * 10)
    if (s.towelHeld && m.parent) {
      camera.getWorldQuaternion(tmp.quat)
      camera.getWorldPosition(tmp.pos)
      tmp.pos.add(tmp.offset.copy(HELD_OFFSET).applyQuaternion(tmp.quat))
      m.parent.worldToLocal(tmp.pos)
      m.parent.getWorldQuaternion(tmp.parentQuat).invert()
      tmp.quat.premultiply(tmp.parentQuat)
      m.position.lerp(tmp.pos, k)
      m.quaternion.slerp(tmp.quat, k)
      m.scale.setScalar(0.7)
    } else {
      m.position.copy(tmp.hook)
      m.quaternion.copy(HANG_ROT)
      m.scale.setScalar(1)
    }
    if (mat.current) mat.current.emissiveIntensity = s.highlight === 'towel' ? 0.5 * pulse(clock.elapsedTime) : 0
  })

  return (
    <mesh ref={mesh} position={TOWEL_HOOK} onClick={tap('cloth', 'cloth-wet-towel')}>
      <boxGeometry args={[0.32, 0.5, 0.03]} />
      <meshLambertMaterial ref={mat} color={stage.towelHeld ? C.towelWet : C.towel} emissive="#7fc4ff" emissiveIntensity={0} />
    </mesh>
  )
}
