import { useRef } from 'react'
import { useFrame } from '@react-three/fiber'
import type { Group } from 'three'
import { Label3D } from '../../sdk/text/label-3d.tsx'

const PRESS_S = 0.45

/**
 * The exhibit's seal inside VR, pressed in beside the panel when the stamp is earned:
 * it drops from 1.8× to its size with a small twist, like the rubber stamp on paper.
 * The animation mutates the group in useFrame (no React state per frame).
 */
export function VRStamp(props: { glyph: string; color: string; position: [number, number, number]; renderOrder: number }) {
  const group = useRef<Group>(null)
  const t = useRef(0)
  useFrame((_, dt) => {
    const g = group.current
    if (!g || t.current >= PRESS_S) return
    t.current = Math.min(PRESS_S, t.current + dt)
    const k = 1 - (1 - t.current / PRESS_S) ** 3
    g.scale.setScalar(1.8 - 0.8 * k)
    g.rotation.z = -0.14 * k
  })
  return (
    <group ref={group} position={props.position} name="vr-stamp" scale={1.8}>
      <mesh renderOrder={props.renderOrder}>
        <circleGeometry args={[0.16, 48]} />
        <meshBasicMaterial color="#fff6f4" depthTest={false} />
      </mesh>
      <mesh renderOrder={props.renderOrder + 1}>
        <ringGeometry args={[0.13, 0.155, 48]} />
        <meshBasicMaterial color={props.color} depthTest={false} />
      </mesh>
      <Label3D position={[0, 0, 0.005]} fontSize={0.14} color={props.color} anchorY="middle" renderOrder={props.renderOrder + 2} material-depthTest={false}>
        {props.glyph}
      </Label3D>
    </group>
  )
}
