import { applyBakedLight, Label3D, skyDome, useExhibit, useRun, useTracked, type SceneProps } from '@sophora/sdk'
import { Suspense, useEffect, useLayoutEffect, useRef } from 'react'
import { BackSide } from 'three'
import type zh from '../locales/zh-CN.json'
import { COLORS as C, SIGN, placed } from './layout.ts'
import { parkShell, pondWater } from './park-parts.ts'
import parkLight from './park.bake.ts?bake'
import { People } from './people.tsx'
import { RescueGear } from './rescue-gear.tsx'
import { stageOf, type Stage } from './stage.ts'
import { PondHaze } from './pond-haze.tsx'
import { Splash } from './splash.tsx'
import { Swimmers } from './swimmers.tsx'

/**
 * A summer afternoon at a village pond near Chengdu with a 禁止游泳 sign: friends beckon, three
 * children are in the water (one quietly drowning), a rescue post holds a life ring and a pole,
 * and a phone lies on a tree stump. The run decides what is shown (stage.ts); motion lives in refs.
 */
export function PondScene(_: SceneProps) {
  const ctx = useExhibit<typeof zh>()
  const { state, step, stepDone } = useRun()
  const stage = stageOf(state.phase, step?.id, stepDone)
  const live = useRef<Stage>(stage)
  useLayoutEffect(() => {
    live.current = stage
  })
  // sun, sky, soft shadows and the meadow's bounce, ray-cast at build time (park.bake.ts)
  const shell = useTracked(() => applyBakedLight(parkLight, [parkShell()])[0]!)
  const water = useTracked(() => pondWater())
  const sky = useTracked(() => skyDome({ top: C.skyTop, horizon: C.haze, radius: 45 }))

  const finished = state.phase === 'result'
  useEffect(() => {
    if (finished) ctx.audio.narrate('outro')
  }, [ctx, finished])

  return (
    <group>
      <mesh geometry={sky} renderOrder={-1}>
        <meshBasicMaterial vertexColors side={BackSide} fog={false} depthWrite={false} />
      </mesh>
      <PondHaze />
      {/* the one cheap light for what moves (people, swimmers, the ring), tuned to the bake */}
      <ambientLight intensity={1.1} />
      <directionalLight position={[4, 8, 3]} intensity={1.7} />
      <mesh geometry={shell}>
        <meshBasicMaterial vertexColors />
      </mesh>
      <mesh geometry={water} userData={{ subject: 'spot' }}>
        <meshLambertMaterial color={C.water} />
      </mesh>
      <Suspense fallback={null}>
        <Label3D
          position={placed(SIGN, 0.25, 2.15, 0.045)}
          rotation-y={SIGN.turn}
          fontSize={ctx.lang === 'en' ? 0.15 : 0.24}
          maxWidth={1.15}
          color={C.red}
          outlineWidth={0}
        >
          {ctx.t('scene.sign')}
        </Label3D>
      </Suspense>
      <People stage={stage} live={live} />
      <Swimmers stage={stage} live={live} />
      <Splash live={live} />
      <RescueGear stage={stage} live={live} />
    </group>
  )
}
