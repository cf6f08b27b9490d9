import { Label3D } from '../../sdk/text/label-3d.tsx'

const ON_TOP = 1000

/**
 * A message that takes the place of the VR panel while it is up (the guide's pause):
 * large, in front of the student, over everything, with nothing to press.
 */
export function VRHold(props: { text: string }) {
  return (
    <group position={[0, 1.5, -1.2]} name="vr-hold">
      <mesh renderOrder={ON_TOP}>
        <planeGeometry args={[1.6, 0.7]} />
        <meshBasicMaterial color="#141c18" transparent opacity={0.94} depthTest={false} />
      </mesh>
      <Label3D position={[0, 0, 0.01]} fontSize={0.12} maxWidth={1.5} color="#ffe9b0" anchorY="middle" renderOrder={ON_TOP + 1} material-depthTest={false}>
        {props.text}
      </Label3D>
    </group>
  )
}
