import { useFrame } from '@react-three/fiber'
import { REDUCED_MOTION_SCALE, useExhibit, useReducedMotion, useRun, type SceneProps } from '@sophora/sdk'
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react'
import type { Group } from 'three'
import { Classroom } from './classroom.tsx'
import { SITTING_RISE, UNDER_DESK } from './layout.ts'
import { Lights } from './lights.tsx'
import type { Motion } from './part-props.ts'
import { Playground } from './playground.tsx'
import { SHAKE_AMP, shakeOffset } from './quake-motion.ts'
import { Rubble } from './rubble.tsx'
import { stageOf, type Place, type Stage } from './stage.ts'
import { Stairwell } from './stairwell.tsx'
import type zh from '../locales/zh-CN.json'

/** Where the world sits for the viewer's posture (the XR camera itself is never moved). */
function basePose(s: Stage, out: { y: number; z: number }): void {
  out.y = s.underDesk ? UNDER_DESK.rise : s.place === 'rubble' ? SITTING_RISE : 0
  out.z = s.underDesk ? UNDER_DESK.forward : 0
}

/** Knocks on the pipe: three taps, 0.35 s apart. */
const TAPS_MS = [0, 350, 700]

/**
 * The earthquake world: a classroom that shakes, the stairwell, the playground and a
 * "what if" pocket in the rubble. The run (useRun) decides what is shown; per-frame
 * motion lives in refs: the world group is shaken and raised, never the camera.
 */
export function EarthquakeScene(_: SceneProps) {
  const ctx = useExhibit<typeof zh>()
  const { state, step, stepDone, completed } = useRun()
  const stage = stageOf(state.phase, step?.id, stepDone, completed)
  const live = useRef<Stage>(stage)
  useLayoutEffect(() => {
    live.current = stage
  })
  const motion = useRef<Motion>({ shake: 0, quakeT: 0, calm: 1 })
  const reduced = useReducedMotion()
  const tmp = useMemo(() => ({ base: { y: 0, z: 0 }, off: { x: 0, y: 0, z: 0 }, pos: { y: 0, z: 0 } }), [])

  useEffect(() => (stage.rumble ? ctx.audio.sfx('rumble', { loop: true, volume: 0.6 }) : undefined), [ctx, stage.rumble])
  // the platform's shared alarm stands in for the school's early-warning siren
  useEffect(() => (stage.warning ? ctx.audio.sfx('alarm', { loop: true, volume: 0.4 }) : undefined), [ctx, stage.warning])
  useEffect(() => {
    if (!stage.tapped) return
    const stops: (() => void)[] = []
    const timers = TAPS_MS.map((ms) => setTimeout(() => stops.push(ctx.audio.sfx('click', { volume: 1 })), ms))
    return () => {
      timers.forEach(clearTimeout)
      stops.forEach((stop) => stop())
    }
  }, [ctx, stage.tapped])
  const finished = state.phase === 'result'
  useEffect(() => {
    if (finished) ctx.audio.narrate('outro')
  }, [ctx, finished])

  const world = useRef<Group>(null)
  const lastPlace = useRef<Place>(stage.place)
  // priority -1: runs before the parts' frame callbacks, which read `motion`
  useFrame(({ clock, gl }, dt) => {
    const w = world.current
    if (!w) return
    const s = live.current
    const m = motion.current
    m.calm = reduced ? REDUCED_MOTION_SCALE : 1
    m.shake += (s.shaking - m.shake) * (1 - Math.exp(-dt * (s.shaking > m.shake ? 4 : 1.2)))
    if (m.shake < 0.002) m.shake = 0
    if (!s.quakeStarted) m.quakeT = 0
    else if (m.shake > 0.05) m.quakeT += dt

    basePose(s, tmp.base)
    if (s.place !== lastPlace.current) {
      // a new place: cut, don't glide (gliding through walls is disorienting in VR)
      lastPlace.current = s.place
      tmp.pos.y = tmp.base.y
      tmp.pos.z = tmp.base.z
    } else {
      const k = 1 - Math.exp(-dt * 2.5)
      tmp.pos.y += (tmp.base.y - tmp.pos.y) * k
      tmp.pos.z += (tmp.base.z - tmp.pos.z) * k
    }
    // a headset shakes the world less: a moving world with a still head is nauseating
    const amp = (gl.xr?.isPresenting ? SHAKE_AMP.vr : SHAKE_AMP.flat) * m.shake * m.calm
    shakeOffset(clock.elapsedTime, amp, tmp.off)
    w.position.set(tmp.off.x, tmp.pos.y + tmp.off.y, tmp.pos.z + tmp.off.z)
  }, -1)

  return (
    <group ref={world}>
      <Lights live={live} />
      <group visible={stage.place === 'classroom'}>
        <Classroom stage={stage} live={live} motion={motion} />
      </group>
      <group visible={stage.place === 'stairwell'}>
        <Stairwell stage={stage} live={live} />
      </group>
      <group visible={stage.place === 'playground'}>
        <Playground stage={stage} live={live} />
      </group>
      <group visible={stage.place === 'rubble'}>
        <Rubble stage={stage} live={live} />
      </group>
    </group>
  )
}
