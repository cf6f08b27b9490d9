import { bakedGeometry, ModelMesh, useExhibit, useRun, type SceneProps, useTracked } from '@sophora/sdk'
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { sliceForPrint, type ModelId } from '../models.ts'
import labLight from './lab.bake.ts?bake'
import { PRINTER } from './layout.ts'
import { Lights } from './lights.tsx'
import { PRINTER_URL } from './model-urls.ts'
import { Printer } from './printer.tsx'
import { Shelf } from './shelf.tsx'
import { stageOf, type Stage } from './stage.ts'
import type zh from '../locales/zh-CN.json'

/** Move the world, never the camera (the same rig is the headset user's head). */
const WORLD_OFFSET: [number, number, number] = [-0.12, 0.12, -0.2]

/**
 * The 3D printing lab: a bench with an FDM printer and a shelf of models. The chosen model
 * is really sliced (slicer.ts) and printed line by line along its contours; first without
 * supports (the overhang droops), then with them.
 */
export function PrintScene(_: SceneProps) {
  const ctx = useExhibit<typeof zh>()
  const { state, step, stepDone, completed } = useRun()
  const stage = stageOf(state.phase, step?.id, stepDone, completed)
  const live = useRef<Stage>(stage)
  useLayoutEffect(() => {
    live.current = stage
  })

  const [model, setModel] = useState<ModelId>('t-shape')
  const sliced = useMemo(() => sliceForPrint(model), [model])
  const shell = useTracked(() => bakedGeometry(labLight))

  const printing = stage.job !== 'none' && !stage.supportsRemoved
  useEffect(() => (printing ? ctx.audio.sfx('hum', { loop: true, volume: 0.25 }) : undefined), [ctx, printing])
  const finished = state.phase === 'result'
  useEffect(() => {
    if (finished) ctx.audio.narrate('outro')
  }, [ctx, finished])

  const pick = (id: ModelId) => {
    setModel(id)
    ctx.progress.completeStep('pick-model')
  }

  return (
    // the whole lab sits a little higher, further and left of the viewer, clear of the flat-mode panel
    <group position={WORLD_OFFSET}>
      <Lights />
      <mesh geometry={shell}>
        <meshBasicMaterial vertexColors />
      </mesh>
      <group position={[PRINTER.x, 0, PRINTER.z]}>
        <ModelMesh url={PRINTER_URL} part="printer-frame" />
      </group>
      <Shelf stage={stage} live={live} model={model} onPick={pick} />
      <Printer key={model} stage={stage} live={live} sliced={sliced} />
    </group>
  )
}
