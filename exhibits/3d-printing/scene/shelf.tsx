import { useFrame, type ThreeEvent } from '@react-three/fiber'
import { Label3D, useExhibit } from '@sophora/sdk'
import { Suspense, useMemo, useRef, type RefObject } from 'react'
import type { MeshLambertMaterial } from 'three'
import { MODEL_IDS, modelGeometry, type ModelId } from '../models.ts'
import { COLORS as C, PREVIEW_SCALE, SHELF } from './layout.ts'
import type { Stage } from './stage.ts'
import type zh from '../locales/zh-CN.json'

interface Props {
  stage: Stage
  live: RefObject<Stage>
  model: ModelId
  onPick(id: ModelId): void
}

/** The three models on a stand; while `pick-model` is open, tapping one sends it to the printer. */
export function Shelf({ stage, live, model, onPick }: Props) {
  const ctx = useExhibit<typeof zh>()
  const geos = useMemo(() => MODEL_IDS.map((id) => ctx.track(modelGeometry(id))), [ctx])
  const mats = useRef<(MeshLambertMaterial | null)[]>([])
  useFrame(({ clock }) => {
    const glow = live.current.picking ? 0.35 * (0.5 + 0.5 * Math.sin(clock.elapsedTime * 4)) : 0
    for (const m of mats.current) if (m) m.emissiveIntensity = glow
  })
  const tap = (id: ModelId) => (e: ThreeEvent<MouseEvent>) => {
    if (!live.current.picking) return
    e.stopPropagation()
    onPick(id)
  }
  return (
    <group position={[SHELF.x, SHELF.y, SHELF.z]}>
      {MODEL_IDS.map((id, i) => {
        const x = (i - 1) * SHELF.gap
        const chosen = id === model && stage.job !== 'none'
        return (
          <group key={id} position={[x, 0, 0]}>
            <mesh name={`model-${id}`} userData={{ subject: 'pick-model' }} geometry={geos[i]} scale={PREVIEW_SCALE} visible={!chosen} onClick={tap(id)}>
              <meshLambertMaterial
                ref={(m) => {
                  mats.current[i] = m
                }}
                color={C.model}
                emissive="#fff3b0"
                emissiveIntensity={0}
              />
            </mesh>
            <Suspense fallback={null}>
              <Label3D position={[0, 0.15, 0]} fontSize={0.034} color="#ffffff">
                {ctx.t(`scene.model.${id}`)}
              </Label3D>
            </Suspense>
          </group>
        )
      })}
      <Suspense fallback={null}>
        <Label3D visible={stage.picking} position={[0, 0.21, 0]} fontSize={0.036} color="#fff3b0">
          {ctx.t('scene.shelf')}
        </Label3D>
      </Suspense>
    </group>
  )
}
