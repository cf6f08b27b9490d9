import { useFrame } from '@react-three/fiber'
import { Label3D, mergeBoxes, pulse, useExhibit, useTapChoice, useTracked } from '@sophora/sdk'
import { Suspense, useMemo, useRef } from 'react'
import { Color, type MeshBasicMaterial, type MeshLambertMaterial } from 'three'
import { Crowd } from './crowd.tsx'
import { COLORS as C, HALL, LIFT } from './layout.ts'
import type { PartProps } from './part-props.ts'
import { stairwellFigures } from './people.ts'
import { stairsParts, stairwellParts } from './shell-parts.ts'
import { SIGNS } from './signs.ts'
import type zh from '../locales/zh-CN.json'

const GREEN = new Color(C.exitGreen)
const SIGN = { x: 0, y: 2.5, z: HALL.top + 0.05 } as const
/** The warning stand in front of the lift, turned towards the viewer. */
const STAND = { x: LIFT.x + 0.4, z: LIFT.z + 0.8, ry: 0.9 } as const

/**
 * The landing outside the classroom after the shaking: the stairs down straight ahead
 * (with the teacher and the class), the lift on the left. Tap the stairs or the lift;
 * tapping the queue of classmates means pushing past them.
 */
export function Stairwell({ live }: PartProps) {
  const ctx = useExhibit<typeof zh>()
  const tap = useTapChoice()
  const shell = useTracked(() => mergeBoxes(stairwellParts()))
  const stairs = useTracked(() => mergeBoxes(stairsParts()))
  const figures = useMemo(() => stairwellFigures(), [])
  const stairsMat = useRef<MeshLambertMaterial>(null)
  const sign = useRef<MeshBasicMaterial>(null)

  useFrame(({ clock }) => {
    const on = live.current.highlight === 'stairs'
    const p = pulse(clock.elapsedTime)
    if (stairsMat.current) stairsMat.current.emissiveIntensity = on ? 0.1 + 0.25 * p : 0
    if (sign.current) sign.current.color.copy(GREEN).multiplyScalar(on ? 1 + 0.6 * p : 1)
  })

  return (
    <group>
      <mesh geometry={shell}>
        <meshLambertMaterial vertexColors />
      </mesh>

      <group name="eq-stairs" onClick={tap(['evacuate', 'evacuate-stairs'])}>
        <mesh geometry={stairs}>
          <meshLambertMaterial ref={stairsMat} vertexColors emissive={C.exitGreen} emissiveIntensity={0} />
        </mesh>
        <mesh position={[SIGN.x, SIGN.y, SIGN.z]}>
          <boxGeometry args={[1.1, 0.4, 0.04]} />
          <meshBasicMaterial ref={sign} color={SIGNS.stairs.background} />
        </mesh>
      </group>

      <group name="eq-lift" onClick={tap(['evacuate', 'evacuate-lift'])}>
        <mesh position={[LIFT.x + 0.05, 1.1, LIFT.z]}>
          <boxGeometry args={[0.05, 2.2, 1.2]} />
          <meshLambertMaterial color={C.steel} />
        </mesh>
        <mesh position={[LIFT.x + 0.03, 2.55, LIFT.z]}>
          <boxGeometry args={[0.03, 0.3, 0.7]} />
          <meshBasicMaterial color={SIGNS.lift.background} />
        </mesh>
        {/* the warning stand in front of the lift */}
        <mesh position={[STAND.x, 1.15, STAND.z]} rotation={[0, STAND.ry, 0]}>
          <boxGeometry args={[0.6, 0.34, 0.03]} />
          <meshBasicMaterial color={SIGNS.liftWarning.background} />
        </mesh>
        <mesh position={[STAND.x, 0.47, STAND.z]}>
          <boxGeometry args={[0.05, 0.95, 0.05]} />
          <meshLambertMaterial color={C.steelDark} />
        </mesh>
      </group>

      <Crowd name="eq-queue" figures={figures} onClick={tap(['evacuate', 'evacuate-push'])} />

      <Suspense fallback={null}>
        <Label3D position={[SIGN.x, SIGN.y, SIGN.z + 0.03]} fontSize={0.2} color={SIGNS.stairs.text} anchorX="center" anchorY="middle" maxWidth={1}>
          {ctx.t('scene.stairs')}
        </Label3D>
        <Label3D
          position={[LIFT.x + 0.05, 2.55, LIFT.z]}
          rotation={[0, Math.PI / 2, 0]}
          fontSize={0.17}
          color={SIGNS.lift.text}
          anchorX="center"
          anchorY="middle"
          maxWidth={0.65}
        >
          {ctx.t('scene.lift')}
        </Label3D>
        <Label3D
          position={[STAND.x + 0.025 * Math.sin(STAND.ry), 1.15, STAND.z + 0.025 * Math.cos(STAND.ry)]}
          rotation={[0, STAND.ry, 0]}
          fontSize={0.06}
          color={SIGNS.liftWarning.text}
          anchorX="center"
          anchorY="middle"
          maxWidth={0.54}
          textAlign="center"
        >
          {ctx.t('scene.lift-warning')}
        </Label3D>
      </Suspense>
    </group>
  )
}
