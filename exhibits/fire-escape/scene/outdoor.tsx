import { useFrame } from '@react-three/fiber'
import { Label3D, mergeBoxes, pulse, useExhibit, useTapChoice, useTracked } from '@sophora/sdk'
import { Suspense, useLayoutEffect, useRef } from 'react'
import { BackSide, Color, Object3D, type InstancedMesh, type MeshBasicMaterial } from 'three'
import { ASSEMBLY, BUILDING_DOOR, COLORS as C } from './layout.ts'
import type { PartProps } from './part-props.ts'
import { burningWindowParts, outdoorParts } from './shell-parts.ts'
import { SIGNS } from './signs.ts'
import type zh from '../locales/zh-CN.json'

const SIGN = new Color(SIGNS.assembly.background)
const FIRE = new Color(C.fireOrange)
/** Classmates and a teacher waiting at the assembly point. */
const PEOPLE: ReadonlyArray<readonly [number, number, number, string]> = [
  [1.4, -5.2, 1, '#2f5fb3'],
  [2.0, -6.6, 1, '#ffffff'],
  [2.8, -5.0, 1, '#c0392b'],
  [3.3, -6.3, 1, '#2f5fb3'],
  [1.7, -4.3, 1, '#ffffff'],
  [3.6, -4.6, 1, '#2f5fb3'],
  [2.6, -7.1, 1.3, '#5a4a3a'],
]

/** The schoolyard assembly point: where the last step, the quiz and the result happen. */
export function Outdoor({ stage, live }: PartProps) {
  const ctx = useExhibit<typeof zh>()
  const tap = useTapChoice()
  const shell = useTracked(() => mergeBoxes(outdoorParts()))
  const windows = useTracked(() => mergeBoxes(burningWindowParts()))
  const people = useRef<InstancedMesh>(null)
  const sign = useRef<MeshBasicMaterial>(null)
  const windowMat = useRef<MeshBasicMaterial>(null)

  useLayoutEffect(() => {
    const m = people.current
    if (!m) return
    const o = new Object3D()
    const c = new Color()
    PEOPLE.forEach(([x, z, s, col], i) => {
      o.position.set(x, 0.55 * s, z)
      o.scale.setScalar(s)
      o.updateMatrix()
      m.setMatrixAt(i, o.matrix)
      m.setColorAt(i, c.set(col))
    })
    m.instanceMatrix.needsUpdate = true
    if (m.instanceColor) m.instanceColor.needsUpdate = true
  }, [])

  useFrame(({ clock }) => {
    const t = clock.elapsedTime
    if (sign.current) sign.current.color.copy(SIGN).multiplyScalar(live.current.highlight === 'assembly' ? 1 + 0.7 * pulse(t) : 1)
    if (windowMat.current) windowMat.current.color.copy(FIRE).multiplyScalar(0.8 + 0.2 * Math.sin(t * 5.3))
  })

  return (
    <group>
      <mesh geometry={shell}>
        <meshLambertMaterial vertexColors />
      </mesh>
      <mesh geometry={windows}>
        <meshBasicMaterial ref={windowMat} color={C.fireOrange} />
      </mesh>
      <mesh>
        <sphereGeometry args={[90, 16, 10]} />
        <meshBasicMaterial color={C.sky} side={BackSide} />
      </mesh>

      {/* the school entrance: tapping it = going back in for the bag */}
      <mesh position={BUILDING_DOOR} onClick={tap('out', 'out-go-back')}>
        <boxGeometry args={[2, 2.4, 0.1]} />
        <meshLambertMaterial color="#33414f" />
      </mesh>

      {/* the assembly sign: tapping it = stay here and report */}
      <mesh position={[ASSEMBLY.x, 2.0, ASSEMBLY.z - 1.8]} onClick={tap('out', 'out-stay-call')}>
        <boxGeometry args={[1.5, 0.6, 0.05]} />
        <meshBasicMaterial ref={sign} color={SIGNS.assembly.background} />
      </mesh>
      <mesh position={[0.4, 1.45, -5.27]} visible={stage.show119} onClick={tap('out', 'out-stay-call')}>
        <boxGeometry args={[1.3, 0.42, 0.04]} />
        <meshBasicMaterial color={SIGNS.call119.background} />
      </mesh>

      <instancedMesh ref={people} args={[undefined, undefined, PEOPLE.length]}>
        <capsuleGeometry args={[0.17, 0.75, 4, 8]} />
        <meshLambertMaterial />
      </instancedMesh>

      <Suspense fallback={null}>
        <Label3D position={[ASSEMBLY.x, 2.0, ASSEMBLY.z - 1.77]} fontSize={0.2} color={SIGNS.assembly.text} anchorX="center" anchorY="middle" maxWidth={1.4}>
          {ctx.t('scene.assembly')}
        </Label3D>
        <Label3D
          visible={stage.show119}
          position={[0.4, 1.45, -5.245]}
          fontSize={0.14}
          color={SIGNS.call119.text}
          anchorX="center"
          anchorY="middle"
          maxWidth={1.2}
        >
          {ctx.t('scene.call-119')}
        </Label3D>
      </Suspense>
    </group>
  )
}
