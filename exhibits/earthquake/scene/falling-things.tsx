import { useFrame } from '@react-three/fiber'
import { useLayoutEffect, useMemo, useRef, type RefObject } from 'react'
import { Color, Object3D, type InstancedMesh } from 'three'
import { COLORS as C, LAMP_CORD, LAMPS } from './layout.ts'
import type { Motion } from './part-props.ts'
import { fallPose, fallers, lampSwing, type Pose } from './quake-motion.ts'

/**
 * Books and ceiling tiles that come down during the quake: one instanced draw call, each
 * instance a unit box scaled to its size and posed by `fallPose` (deterministic).
 */
export function FallingThings({ motion }: { motion: RefObject<Motion> }) {
  const mesh = useRef<InstancedMesh>(null)
  const list = useMemo(() => fallers(), [])
  const tmp = useMemo(() => ({ o: new Object3D(), pose: { x: 0, y: 0, z: 0, rx: 0, ry: 0, rz: 0, landed: false } as Pose }), [])

  useLayoutEffect(() => {
    const m = mesh.current
    if (!m) return
    const c = new Color()
    list.forEach((f, i) => m.setColorAt(i, c.set(f.color)))
    if (m.instanceColor) m.instanceColor.needsUpdate = true
    tmp.o.rotation.order = 'YXZ'
  }, [list, tmp])

  useFrame(() => {
    const m = mesh.current
    if (!m) return
    const t = motion.current.quakeT
    const { o, pose } = tmp
    for (let i = 0; i < list.length; i++) {
      const f = list[i]!
      fallPose(f, t, pose)
      o.position.set(pose.x, pose.y, pose.z)
      o.rotation.set(pose.rx, pose.ry, pose.rz)
      o.scale.set(f.size[0], f.size[1], f.size[2])
      o.updateMatrix()
      m.setMatrixAt(i, o.matrix)
    }
    m.instanceMatrix.needsUpdate = true
  })

  return (
    <instancedMesh ref={mesh} args={[undefined, undefined, list.length]} frustumCulled={false}>
      <boxGeometry args={[1, 1, 1]} />
      <meshLambertMaterial />
    </instancedMesh>
  )
}

/** Six ceiling lamps on cords, swinging with the shaking: lamps and cords, two instanced draw calls. */
export function SwayingLamps({ motion }: { motion: RefObject<Motion> }) {
  const lamps = useRef<InstancedMesh>(null)
  const cords = useRef<InstancedMesh>(null)
  const tmp = useMemo(() => ({ pivot: new Object3D(), child: new Object3D(), swing: { x: 0, z: 0 } }), [])

  useLayoutEffect(() => {
    tmp.pivot.add(tmp.child)
  }, [tmp])

  useFrame(({ clock }) => {
    const l = lamps.current
    const c = cords.current
    if (!l || !c) return
    const { pivot, child, swing } = tmp
    const t = clock.elapsedTime
    for (let i = 0; i < LAMPS.length; i++) {
      const [x, y, z] = LAMPS[i]!
      lampSwing(t, motion.current.shake * motion.current.calm, i * 1.9, swing)
      pivot.position.set(x, y, z)
      pivot.rotation.set(swing.x, 0, swing.z)
      // cord: half-way down the pendulum
      child.position.set(0, -LAMP_CORD / 2, 0)
      child.scale.set(1, LAMP_CORD, 1)
      pivot.updateMatrixWorld(true)
      c.setMatrixAt(i, child.matrixWorld)
      // lamp: at the end of the cord
      child.position.set(0, -LAMP_CORD, 0)
      child.scale.set(1, 1, 1)
      pivot.updateMatrixWorld(true)
      l.setMatrixAt(i, child.matrixWorld)
    }
    l.instanceMatrix.needsUpdate = true
    c.instanceMatrix.needsUpdate = true
  })

  return (
    <>
      <instancedMesh ref={lamps} args={[undefined, undefined, LAMPS.length]} frustumCulled={false}>
        <boxGeometry args={[1.2, 0.07, 0.22]} />
        <meshBasicMaterial color={C.lamp} />
      </instancedMesh>
      <instancedMesh ref={cords} args={[undefined, undefined, LAMPS.length]} frustumCulled={false}>
        <boxGeometry args={[0.015, 1, 0.015]} />
        <meshBasicMaterial color={C.cord} />
      </instancedMesh>
    </>
  )
}
