import { useFrame } from '@react-three/fiber'
import { Label3D, mergeBoxes, pulse, useExhibit, useRun, useTapChoice, useTracked, type SceneProps } from '@sophora/sdk'
import { Suspense, useEffect, useLayoutEffect, useRef } from 'react'
import { BackSide, type MeshLambertMaterial } from 'three'
import type zh from '../locales/zh-CN.json'

/**
 * The exhibit's 3D world. The camera stands at the origin at eye height (1.6 m) looking
 * down -z, where a headset user stands: place things in front of it (negative z) and move
 * the world, never the camera. onClick works for mouse, touch and VR controllers alike.
 * TODO: replace the placeholder objects with the exhibit's real scene.
 */
export function ExhibitScene(_: SceneProps) {
  const ctx = useExhibit<typeof zh>() // ctx.t takes only keys of locales/zh-CN.json
  const tap = useTapChoice() // tap(stepId, choiceId): chooses only while that step is open
  const { state, step, stepDone } = useRun()
  // static parts as one draw call, disposed on exit
  const room = useTracked(() =>
    mergeBoxes([
      { size: [12, 0.02, 12], at: [0, -0.01, 0], color: '#3b4a42' }, // floor
      { size: [2, 1, 0.9], at: [0, 0.5, -2.2], color: '#8a6f4e' }, // table
      { size: [1.6, 0.4, 0.04], at: [0, 2.05, -2.7], color: '#1f5f3f' }, // sign board
    ]),
  )
  const box = useRef<MeshLambertMaterial>(null)
  const ball = useRef<MeshLambertMaterial>(null)

  // the open, unanswered step's object pulses ("tap me"); kept in a ref for useFrame
  const hint = useRef<string | null>(null)
  useLayoutEffect(() => {
    hint.current = step && !stepDone ? step.id : null
  }, [step, stepDone])

  // step narration plays by itself (its cue); the ending is the scene's
  const finished = state.phase === 'result'
  useEffect(() => {
    if (finished) ctx.audio.narrate('outro')
  }, [ctx, finished])

  // per-frame work only mutates refs: no setState, no allocation
  useFrame(({ clock }) => {
    const p = 0.2 + 0.5 * pulse(clock.elapsedTime)
    if (box.current) box.current.emissiveIntensity = hint.current === 'look' ? p : 0
    if (ball.current) ball.current.emissiveIntensity = hint.current === 'touch' ? p : 0
  })

  return (
    <group>
      <mesh>
        <sphereGeometry args={[40, 16, 8]} />
        <meshBasicMaterial color="#bcd4e0" side={BackSide} />
      </mesh>
      <ambientLight intensity={1.2} />
      <directionalLight position={[3, 6, 2]} intensity={1.5} />
      <mesh geometry={room}>
        <meshLambertMaterial vertexColors />
      </mesh>
      <mesh name="look-target" position={[-0.45, 1.2, -2.2]} onClick={tap('look', 'look-green')}>
        <boxGeometry args={[0.4, 0.4, 0.4]} />
        <meshLambertMaterial ref={box} color="#2e9d5b" emissive="#5dff9a" emissiveIntensity={0} />
      </mesh>
      <mesh name="touch-target" position={[0.45, 1.25, -2.2]} onClick={tap('touch', 'touch-ball')}>
        <sphereGeometry args={[0.25, 24, 16]} />
        <meshLambertMaterial ref={ball} color="#d0452f" emissive="#ffb27f" emissiveIntensity={0} />
      </mesh>
      {/* Label3D renders zh-CN and English with the platform's offline font */}
      <Suspense fallback={null}>
        <Label3D position={[0, 2.05, -2.67]} fontSize={0.14} maxWidth={1.5}>
          {ctx.t('scene.sign')}
        </Label3D>
      </Suspense>
    </group>
  )
}
