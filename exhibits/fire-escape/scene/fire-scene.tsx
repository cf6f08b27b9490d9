import { useFrame } from '@react-three/fiber'
import { useExhibit, useRun, type SceneProps } from '@sophora/sdk'
import { useEffect, useLayoutEffect, useRef } from 'react'
import type { Group } from 'three'
import { Corridor } from './corridor.tsx'
import { FireParticles } from './fire-particles.tsx'
import { Guide } from './guide.tsx'
import { SceneFog } from './fog.tsx'
import { Lights } from './lights.tsx'
import { Outdoor } from './outdoor.tsx'
import { SmokeLayer } from './smoke-layer.tsx'
import { stageOf, type Stage } from './stage.ts'
import { Towel } from './towel.tsx'
import type zh from '../locales/zh-CN.json'

/** How far the world rises when the student crouches (the XR camera is never moved). */
const CROUCH = 0.5

/**
 * The fire-escape world: a smoky school corridor, then the schoolyard assembly point.
 * The run (useRun) decides what is shown; per-frame motion lives in refs.
 */
export function FireScene(_: SceneProps) {
  const ctx = useExhibit<typeof zh>()
  const { state, step, stepDone, completed } = useRun()
  const stage = stageOf(state.phase, step?.id, stepDone, completed)
  const live = useRef<Stage>(stage)
  useLayoutEffect(() => {
    live.current = stage
  })

  // looping sounds, each undone by the Cleanup that sfx() returns
  useEffect(() => (stage.alarm ? ctx.audio.sfx('alarm', { loop: true, volume: 0.5 }) : undefined), [ctx, stage.alarm])
  useEffect(() => (stage.crackle ? ctx.audio.sfx('crackle', { loop: true, volume: 0.3 }) : undefined), [ctx, stage.crackle])
  const finished = state.phase === 'result'
  useEffect(() => {
    if (finished) ctx.audio.narrate('outro')
  }, [ctx, finished])

  const world = useRef<Group>(null)
  const wasOutside = useRef(stage.outside)
  useFrame((_, dt) => {
    const w = world.current
    if (!w) return
    const s = live.current
    const y = s.crouched ? CROUCH : 0
    // walking forward = the world slides towards the viewer; slow and forward-only for comfort
    const z = s.walked
    if (s.outside !== wasOutside.current) {
      wasOutside.current = s.outside
      w.position.set(0, y, z)
      return
    }
    const k = 1 - Math.exp(-dt * 1.6)
    w.position.y += (y - w.position.y) * k
    w.position.z += (z - w.position.z) * k
  })

  return (
    <group ref={world}>
      <Lights live={live} />
      <Guide stage={stage} />
      <SceneFog live={live} />
      <group visible={!stage.outside}>
        <Corridor stage={stage} live={live} />
        <SmokeLayer live={live} />
        <FireParticles />
        <Towel stage={stage} live={live} />
      </group>
      <group visible={stage.outside}>
        <Outdoor stage={stage} live={live} />
      </group>
    </group>
  )
}
