import { useCallback, useMemo, useRef, useState } from 'react'
import type { Group } from 'three'
import type { SceneProps } from '../../core/exhibit-kit.ts'
import { stepOfChoice, type Hotspot, type PanoramaData, type PanoramaImage } from '../../core/panorama.ts'
import { useRun, useTapChoice } from '../../sdk/hooks.ts'
import { GazeDwell } from '../gaze-dwell.tsx'
import { Backdrop } from './backdrop.tsx'
import { HotspotMarker, InfoCard, hotspotName } from './hotspot.tsx'
import { LookControls } from './look-controls.tsx'

// what a gaze-dwell press or a tap hands to useTapChoice's handler: only stopPropagation is used
const NO_EVENT = { stopPropagation() {} } as unknown as Parameters<ReturnType<ReturnType<typeof useTapChoice>>>[0]

/**
 * The Scene of every panorama exhibit: the current scene's picture, its hotspots, and the look
 * controls. Steps, quiz, feedback, stamp and events are the platform's exhibit runtime, the same
 * as for code exhibits: a choice hotspot makes its step's choice through useTapChoice, exactly
 * as a code exhibit's tappable object does.
 */
export function PanoramaScene(props: SceneProps & { data: PanoramaData; images: Record<string, PanoramaImage> }) {
  const { ctx, data, images } = props
  const [sceneId, setSceneId] = useState(data.start ?? data.scenes[0]!.id)
  const [info, setInfo] = useState<string | null>(null)
  const hotspots = useRef<Group>(null)
  const { step, stepDone } = useRun()
  const tap = useTapChoice()
  const scene = data.scenes.find((s) => s.id === sceneId) ?? data.scenes[0]!
  const file = scene.image ?? scene.photo!
  const image = images[file]
  if (!image) throw new Error(`panorama: no image ${file}`)

  const press = useCallback(
    (h: Hotspot) => {
      if ('goto' in h) {
        setInfo(null)
        setSceneId(h.goto)
      } else if ('info' in h) {
        setInfo((open) => (open === h.info ? null : h.info))
        if (h.narration) ctx.audio.narrate(h.narration)
      } else {
        const stepId = stepOfChoice(data, h.choose)
        if (stepId) tap(stepId, h.choose)(NO_EVENT)
      }
    },
    [ctx, data, tap],
  )
  const presses = useMemo(() => new Map(scene.hotspots.map((h) => [h, () => press(h)])), [scene, press])
  const label = (h: Hotspot) => ctx.t('info' in h ? `info.${h.info}` : 'goto' in h ? `scene.${h.goto}` : `choice.${h.choose}`)
  const open = scene.hotspots.find((h) => 'info' in h && h.info === info)

  return (
    <group name={`panorama:${scene.id}`}>
      <LookControls />
      <Backdrop key={file} image={image} kind={scene.image ? 'image' : 'photo'} />
      <group ref={hotspots}>
        {scene.hotspots.map((h) => (
          <HotspotMarker
            key={hotspotName(h)}
            hotspot={h}
            // a choice shows only while its step waits for an answer; info shows its text on the card instead
            visible={!('choose' in h) || (!!step && !stepDone && step.choices.some((c) => c.id === h.choose))}
            label={'info' in h ? '' : label(h)}
            subject={'choose' in h ? stepOfChoice(data, h.choose) : undefined}
            onPress={presses.get(h)!}
          />
        ))}
      </group>
      {open && <InfoCard key={info} hotspot={open} text={label(open)} />}
      <GazeDwell target={hotspots} />
    </group>
  )
}
