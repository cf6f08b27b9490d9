import { useFrame } from '@react-three/fiber'
import { Label3D, mergeBoxes, pulse, useExhibit, useTapChoice, useTracked } from '@sophora/sdk'
import { Suspense, useMemo, useRef } from 'react'
import { BackSide, Color, type MeshBasicMaterial } from 'three'
import { Crowd } from './crowd.tsx'
import { ASSEMBLY, COLORS as C, SCHOOL_DOOR } from './layout.ts'
import type { PartProps } from './part-props.ts'
import { playgroundFigures } from './people.ts'
import { hazardParts, playgroundParts } from './shell-parts.ts'
import { SIGNS } from './signs.ts'
import type zh from '../locales/zh-CN.json'

const SIGN = new Color(SIGNS.assembly.background)
const SIGN_AT = [ASSEMBLY.x, 2.2, ASSEMBLY.z - 2.0] as const

/**
 * The playground after the quake: open ground in the middle, the shaken school on the
 * left, the boundary wall and power lines on the right. Tap the assembly sign (right),
 * the school entrance or the wall and poles (wrong). Also the setting of quiz and result.
 */
export function Playground({ stage, live }: PartProps) {
  const ctx = useExhibit<typeof zh>()
  const tap = useTapChoice()
  const shell = useTracked(() => mergeBoxes(playgroundParts()))
  const hazards = useTracked(() => mergeBoxes(hazardParts()))
  const figures = useMemo(() => playgroundFigures(stage.gathered), [stage.gathered])
  const sign = useRef<MeshBasicMaterial>(null)

  useFrame(({ clock }) => {
    if (sign.current) sign.current.color.copy(SIGN).multiplyScalar(live.current.highlight === 'assembly' ? 1 + 0.7 * pulse(clock.elapsedTime) : 1)
  })

  return (
    <group>
      <mesh geometry={shell}>
        <meshLambertMaterial vertexColors />
      </mesh>
      <mesh>
        <sphereGeometry args={[90, 16, 10]} />
        <meshBasicMaterial color={C.sky} side={BackSide} />
      </mesh>

      <mesh name="eq-wall-and-poles" geometry={hazards} onClick={tap(['open-area', 'open-by-wall'])}>
        <meshLambertMaterial vertexColors />
      </mesh>

      <mesh name="eq-school-door" position={SCHOOL_DOOR} onClick={tap(['open-area', 'open-by-building'])}>
        <boxGeometry args={[2, 2.4, 0.1]} />
        <meshLambertMaterial color="#33414f" />
      </mesh>

      <mesh name="eq-assembly-sign" position={SIGN_AT} onClick={tap(['open-area', 'open-playground'])}>
        <boxGeometry args={[2.0, 0.7, 0.05]} />
        <meshBasicMaterial ref={sign} color={SIGNS.assembly.background} />
      </mesh>

      <Crowd figures={figures} />

      <Suspense fallback={null}>
        <Label3D
          position={[SIGN_AT[0], SIGN_AT[1], SIGN_AT[2] + 0.03]}
          fontSize={0.32}
          color={SIGNS.assembly.text}
          anchorX="center"
          anchorY="middle"
          maxWidth={1.9}
        >
          {ctx.t('scene.assembly')}
        </Label3D>
      </Suspense>
    </group>
  )
}
