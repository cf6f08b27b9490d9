import { useExhibit, useRun, type SceneProps } from '@sophora/sdk'
import { useEffect, useLayoutEffect, useRef } from 'react'
import { Home } from './home.tsx'
import { Lights } from './lights.tsx'
import { Rain } from './rain.tsx'
import { stageOf, type Stage } from './stage.ts'
import { Street } from './street.tsx'
import type zh from '../locales/zh-CN.json'

/**
 * The flood-and-typhoon world: a street in a rainstorm, then home when the typhoon arrives.
 * The run (useRun) decides what is shown; per-frame motion lives in refs. The camera is
 * never moved: the viewer stands at the origin in both places.
 */
export function FloodScene(_: SceneProps) {
  const ctx = useExhibit<typeof zh>()
  const { state, step, stepDone, completed } = useRun()
  const stage = stageOf(state.phase, step?.id, stepDone, completed)
  const live = useRef<Stage>(stage)
  useLayoutEffect(() => {
    live.current = stage
  })

  // looping sounds, each undone by the Cleanup that sfx() returns
  const rainVolume = Math.round(stage.rainVolume * 10) / 10
  useEffect(() => (rainVolume > 0 ? ctx.audio.sfx('rain', { loop: true, volume: rainVolume }) : undefined), [ctx, rainVolume])
  useEffect(() => (stage.sparks ? ctx.audio.sfx('crackle', { loop: true, volume: 0.25 }) : undefined), [ctx, stage.sparks])
  const finished = state.phase === 'result'
  useEffect(() => {
    if (finished) ctx.audio.narrate('outro')
  }, [ctx, finished])

  const street = stage.place === 'street'
  return (
    <group>
      <Lights live={live} />
      <group visible={street}>
        <Street stage={stage} live={live} />
        <Rain live={live} />
      </group>
      <group visible={!street}>
        <Home stage={stage} live={live} />
      </group>
    </group>
  )
}
