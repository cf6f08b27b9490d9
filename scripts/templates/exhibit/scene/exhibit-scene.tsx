import type { ThreeEvent } from '@react-three/fiber'
import { useFrame } from '@react-three/fiber'
import { Label3D, useExhibit, useRun, type SceneProps } from '@sophora/sdk'
import { Suspense, useEffect, useRef, useLayoutEffect } from 'react'
import { BackSide, type MeshLambertMaterial } from 'three'

/**
 * The exhibit's 3D world. The camera stands at the origin at eye height (1.6 m) looking
 * down -z, exactly where a headset user stands: place things in front of it (negative z)
 * and move the world, never the camera. Pointer events (onClick) work for mouse, touch
 * and VR controllers alike.
 * TODO: replace the placeholder objects with the exhibit's real scene.
 */
export function ExhibitScene(_: SceneProps) {
  const ctx = useExhibit()
  const { state, step, stepDone } = useRun()
  const box = useRef<MeshLambertMaterial>(null)
  const ball = useRef<MeshLambertMaterial>(null)

  // The step that is open and not yet answered decides which object pulses ("tap me").
  const hint = step && !stepDone ? step.id : null
  const live = useRef(hint)
  // Kept current after each commit (not during render) for useFrame and the tap handlers.
  useLayoutEffect(() => {
    live.current = hint
  }, [hint])

  // Narrate the ending once; narration of each step plays by itself (its `cue`).
  const finished = state.phase === 'result'
  useEffect(() => {
    if (finished) ctx.audio.narrate('outro')
  }, [ctx, finished])

  // Per-frame work only mutates refs: no setState, no allocation.
  useFrame(({ clock }) => {
    const p = 0.5 + 0.5 * Math.sin(clock.elapsedTime * 4)
    if (box.current) box.current.emissiveIntensity = live.current === 'look' ? 0.2 + 0.5 * p : 0
    if (ball.current) ball.current.emissiveIntensity = live.current === 'touch' ? 0.2 + 0.5 * p : 0
  })

  /** Choose from the scene, only while `stepId` is the open, unanswered step. */
  const tap = (stepId: string, choiceId: string) => (e: ThreeEvent<MouseEvent>) => {
    if (live.current !== stepId) return
    e.stopPropagation()
    ctx.progress.choose(choiceId)
  }

  return (
    <group>
      {/* the sky: a big sphere seen from inside (the scene itself belongs to the platform) */}
      <mesh>
        <sphereGeometry args={[40, 16, 8]} />
        <meshBasicMaterial color="#bcd4e0" side={BackSide} />
      </mesh>
      <ambientLight intensity={1.2} />
      <directionalLight position={[3, 6, 2]} intensity={1.5} />

      {/* floor and a table in front of the visitor */}
      <mesh rotation={[-Math.PI / 2, 0, 0]}>
        <planeGeometry args={[12, 12]} />
        <meshLambertMaterial color="#3b4a42" />
      </mesh>
      <mesh position={[0, 0.5, -2.2]}>
        <boxGeometry args={[2, 1, 0.9]} />
        <meshLambertMaterial color="#8a6f4e" />
      </mesh>

      {/* step "look": the green box */}
      <mesh name="look-target" position={[-0.45, 1.2, -2.2]} onClick={tap('look', 'look-green')}>
        <boxGeometry args={[0.4, 0.4, 0.4]} />
        <meshLambertMaterial ref={box} color="#2e9d5b" emissive="#5dff9a" emissiveIntensity={0} />
      </mesh>

      {/* step "touch": the red ball */}
      <mesh name="touch-target" position={[0.45, 1.25, -2.2]} onClick={tap('touch', 'touch-ball')}>
        <sphereGeometry args={[0.25, 24, 16]} />
        <meshLambertMaterial ref={ball} color="#d0452f" emissive="#ffb27f" emissiveIntensity={0} />
      </mesh>

      {/* a sign: Label3D renders zh-CN and English with the platform's offline font */}
      <mesh position={[0, 2.05, -2.7]}>
        <boxGeometry args={[1.6, 0.4, 0.04]} />
        <meshBasicMaterial color="#1f5f3f" />
      </mesh>
      <Suspense fallback={null}>
        <Label3D position={[0, 2.05, -2.67]} fontSize={0.14} color="#ffffff" maxWidth={1.5}>
          {ctx.t('scene.sign')}
        </Label3D>
      </Suspense>
    </group>
  )
}
