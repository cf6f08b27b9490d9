import { useRef } from 'react'
import { useFrame } from '@react-three/fiber'
import { Raycaster, Vector3, type Group, type Mesh, type Object3D } from 'three'
import { createDwell } from '../core/dwell.ts'

const raycaster = new Raycaster()
const origin = new Vector3()
const dir = new Vector3()

function pressable(o: Object3D | null): (() => void) | undefined {
  for (let x = o; x; x = x.parent) if (typeof x.userData.press === 'function') return x.userData.press as () => void
  return undefined
}

/**
 * In a session with no input sources at all (cardboard on a phone), the student presses a
 * panel button by looking at it: a reticle fills for 1.5 s and then presses once. Buttons
 * opt in by putting `press` in their userData. Nothing is allocated per frame.
 */
export function GazeDwell(props: { target: React.RefObject<Group | null> }) {
  const reticle = useRef<Group>(null)
  const fill = useRef<Mesh>(null)
  const dwell = useRef(createDwell<() => void>(1500)).current
  const hits = useRef<{ object: Object3D; distance: number }[]>([]).current
  useFrame(({ gl }, delta) => {
    const session = gl.xr.getSession()
    const active = !!session && session.inputSources.length === 0
    if (reticle.current) reticle.current.visible = active
    if (!active || !props.target.current) return
    const cam = gl.xr.getCamera()
    cam.getWorldPosition(origin)
    cam.getWorldDirection(dir)
    raycaster.set(origin, dir)
    hits.length = 0
    raycaster.intersectObject(props.target.current, true, hits as never)
    const press = dwell.update(pressable(hits[0]?.object ?? null) ?? null, delta * 1000)
    press?.()
    if (reticle.current) {
      reticle.current.position.copy(origin).addScaledVector(dir, 1)
      reticle.current.quaternion.copy(cam.quaternion)
    }
    if (fill.current) fill.current.scale.setScalar(0.001 + dwell.progress)
  })
  return (
    <group ref={reticle} visible={false} name="gaze-reticle">
      <mesh renderOrder={3000}>
        <ringGeometry args={[0.012, 0.018, 32]} />
        <meshBasicMaterial color="#ffffff" depthTest={false} transparent opacity={0.9} />
      </mesh>
      <mesh ref={fill} renderOrder={3001}>
        <circleGeometry args={[0.012, 32]} />
        <meshBasicMaterial color="#f2b705" depthTest={false} transparent opacity={0.9} />
      </mesh>
    </group>
  )
}
