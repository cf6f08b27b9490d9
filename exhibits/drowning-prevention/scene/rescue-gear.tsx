import { useFrame } from '@react-three/fiber'
import { Label3D, mergeParts, pulse, useExhibit, useTapChoice, useTracked } from '@sophora/sdk'
import { Suspense, useRef, type RefObject } from 'react'
import { BoxGeometry, type MeshLambertMaterial } from 'three'
import type zh from '../locales/zh-CN.json'
import { COLORS as C, PHONE, POND, POST, SWIM, placed } from './layout.ts'
import { lifeRing } from './park-parts.ts'
import type { Stage } from './stage.ts'

const RING_AT = placed(POST, 0, 1.22, 0.16)
const POLE_AT = placed(POST, -0.25, 1.05, 0.1)

/**
 * What the visitor uses to help: the phone on the stump (call 110) and the life ring and long
 * pole on the rescue post (help from the bank). They glow gently while they are the answer; once
 * the ring is thrown it floats by the child in the water.
 */
export function RescueGear({ stage, live }: { stage: Stage; live: RefObject<Stage> }) {
  const ctx = useExhibit<typeof zh>()
  const tap = useTapChoice()
  const ring = useTracked(() => lifeRing())
  const phone = useTracked(() =>
    mergeParts([
      { geo: new BoxGeometry(0.13, 0.24, 0.025), color: C.phone },
      { geo: new BoxGeometry(0.11, 0.19, 0.004).translate(0, 0.01, 0.013), color: C.screen },
    ]),
  )
  const phoneMat = useRef<MeshLambertMaterial>(null)
  const ringMat = useRef<MeshLambertMaterial>(null)
  const poleMat = useRef<MeshLambertMaterial>(null)

  useFrame(({ clock }) => {
    const h = live.current?.highlight
    const p = 0.25 + 0.55 * pulse(clock.elapsedTime)
    if (phoneMat.current) phoneMat.current.emissiveIntensity = h === 'phone' ? p : 0
    if (ringMat.current) ringMat.current.emissiveIntensity = h === 'gear' ? p : 0
    if (poleMat.current) poleMat.current.emissiveIntensity = h === 'gear' ? p : 0
  })

  const reach = tap('reach', 'reach-throw-ring')
  return (
    <group>
      <group position={[PHONE.x, PHONE.y, PHONE.z]}>
        <mesh name="phone" geometry={phone} position-y={0.09} rotation={[-0.55, -0.7, 0]} onClick={tap('call', 'call-shout-110')}>
          <meshLambertMaterial ref={phoneMat} vertexColors emissive="#fff59d" emissiveIntensity={0} />
        </mesh>
        <Suspense fallback={null}>
          {/* hidden while the children play: it would cover one of them */}
          <Label3D position={[0, 0.36, 0]} fontSize={0.11} visible={!stage.players}>
            {ctx.t('scene.call')}
          </Label3D>
        </Suspense>
      </group>
      <mesh name="life-ring" geometry={ring} position={RING_AT} rotation-y={POST.turn} visible={!stage.ringThrown} onClick={reach}>
        <meshLambertMaterial ref={ringMat} vertexColors emissive="#ffe082" emissiveIntensity={0} />
      </mesh>
      <mesh name="rescue-pole" position={POLE_AT} rotation={[0, POST.turn, -0.25]} onClick={reach}>
        <cylinderGeometry args={[0.025, 0.025, 2.1, 8]} />
        <meshLambertMaterial ref={poleMat} color={C.pole} emissive="#ffe082" emissiveIntensity={0} />
      </mesh>
      <mesh
        geometry={ring}
        position={[SWIM.quiet.x, POND.water + 0.03, SWIM.quiet.z]}
        rotation-x={-Math.PI / 2}
        visible={stage.ringThrown && stage.drowning === 'afloat'}
      >
        <meshLambertMaterial vertexColors />
      </mesh>
      <Suspense fallback={null}>
        <Label3D position={placed(POST, 0, 1.68, 0.12)} rotation-y={POST.turn} fontSize={0.1} maxWidth={0.5}>
          {ctx.t('scene.rescue')}
        </Label3D>
      </Suspense>
    </group>
  )
}
