import { bakedGeometry, Label3D, mergeParts, useExhibit, useRun, type SceneProps, useTracked } from '@sophora/sdk'
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react'
import { choiceIdOf, type Bin } from '../items.ts'
import { binOfChoice, itemKeyOf } from '../score.ts'
import { Bins } from './bins.tsx'
import { ItemProp, type ItemAnim } from './item-prop.tsx'
import { Lights } from './lights.tsx'
import { WALL_Z, WORLD_X } from './layout.ts'
import { Scoreboard } from './scoreboard.tsx'
import { NOTE_TEXT } from './signs.ts'
import hallLight from './hall.bake.ts?bake'
import { rollerParts } from './shell.ts'
import type zh from '../locales/zh-CN.json'

/**
 * The sorting station: a conveyor brings one item per step, four colour-coded bins wait
 * behind it. Tapping a bin chooses `<item>-<bin>`; the run's answer drives the animation
 * (so choices made on the DOM/VR panel animate the same way).
 */
export function SortingScene(_: SceneProps) {
  const ctx = useExhibit<typeof zh>()
  const { state, step, stepDone } = useRun()
  // skylight, a key light, occlusion and a bounce, ray-cast at build time (hall.bake.ts)
  const shell = useTracked(() => bakedGeometry(hallLight))
  const rollers = useTracked(() => mergeParts(rollerParts()))
  const anim = useRef<ItemAnim>({ mode: 'hidden', t0: -1, bin: 'recyclable' })
  const itemKey = step ? itemKeyOf(step.id) : undefined

  // a new item rides in on the belt
  useEffect(() => {
    if (itemKey) Object.assign(anim.current, { mode: 'enter', t0: -1 })
    else anim.current.mode = 'hidden'
  }, [itemKey])

  // right: thrown into the open bin
  const rightChoice = stepDone ? state.feedback?.choiceId : undefined
  useEffect(() => {
    const bin = rightChoice ? binOfChoice(rightChoice) : undefined
    if (!bin) return
    Object.assign(anim.current, { mode: 'throw', t0: -1, bin })
    ctx.audio.sfx('correct')
  }, [ctx, rightChoice])

  // wrong: bounces off the lid and comes back; keyed on the mistake count so a repeat bounces again
  const wrongChoice = state.phase === 'step' && state.feedback && !state.feedback.correct ? state.feedback.choiceId : undefined
  useEffect(() => {
    const bin = wrongChoice ? binOfChoice(wrongChoice) : undefined
    if (!bin) return
    Object.assign(anim.current, { mode: 'bounce', t0: -1, bin })
    ctx.audio.sfx('wrong')
  }, [ctx, wrongChoice, state.mistakes])

  const finished = state.phase === 'result'
  useEffect(() => {
    if (finished) ctx.audio.narrate('outro')
  }, [ctx, finished])

  const live = useRef({ itemKey, open: false })
  useLayoutEffect(() => {
    live.current = { itemKey, open: !!step && !stepDone }
  })
  const onPick = useCallback(
    (bin: Bin) => {
      const { itemKey: key, open } = live.current
      if (!key || !open || anim.current.mode === 'throw') return
      ctx.progress.choose(choiceIdOf(key, bin))
    },
    [ctx],
  )

  return (
    <group position={[WORLD_X, 0, 0]}>
      <Lights />
      <mesh geometry={shell}>
        <meshBasicMaterial vertexColors />
      </mesh>
      <mesh geometry={rollers}>
        <meshLambertMaterial vertexColors />
      </mesh>
      <Bins anim={anim} onPick={onPick} />
      <ItemProp anim={anim} itemKey={itemKey} />
      <Scoreboard total={ctx.manifest.steps.length} />
      <Label3D position={[0, 1.98, WALL_Z + 0.01]} fontSize={0.045} maxWidth={1.8} color={NOTE_TEXT} outlineWidth={0}>
        {ctx.t('scene.local-note')}
      </Label3D>
    </group>
  )
}
