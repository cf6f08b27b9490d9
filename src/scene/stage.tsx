import { Canvas, useThree } from '@react-three/fiber'
import { XR, type XRStore } from '@react-three/xr'
import { Children, useEffect, useState, type ReactNode } from 'react'
import { Label3D } from '../sdk/text/label-3d.tsx'
import { FlatView } from './flat-view.tsx'
import { LetGoAtLobby } from './let-go-at-lobby.tsx'
import { registerStage } from './stage-probe.ts'

/** Registers the live stage (R3F root + XR store) for the authoring meter and test builds. */
function Probe(props: { xrStore: XRStore }) {
  const get = useThree((s) => s.get)
  useEffect(() => registerStage({ get, xrStore: props.xrStore }), [get, props.xrStore])
  return null
}

/**
 * The 3D font's glyph atlas is one texture shared by every label, kept for the app's
 * lifetime. Drawing one label once when the stage starts makes it part of the baseline,
 * so "counts are back after an exhibit exits" measures the exhibit, not the font cache.
 */
function FontWarmup() {
  const [done, setDone] = useState(0)
  return (
    <Label3D
      position={[0, 1.6, -1]}
      fontSize={0.01}
      visible={done < 3}
      onSync={() => setDone(1)}
      onAfterRender={() => {
        if (done > 0 && done < 3) setDone(done + 1)
      }}
    >
      国槐
    </Label3D>
  )
}

/**
 * The one persistent Canvas: created when the first exhibit opens, kept (hidden, not
 * rendering) in the lobby, so GPU resources are measured against one renderer and XR
 * keeps one store. The camera stands at eye height at the origin looking down -z,
 * exactly where a headset user stands, so exhibits author one layout for both.
 */
export function Stage(props: { active: boolean; xrStore: XRStore; children: ReactNode }) {
  return (
    <div className="stage" hidden={!props.active} data-testid="stage">
      <Canvas
        frameloop={props.active ? 'always' : 'never'}
        camera={{ position: [0, 1.6, 0], rotation: [0, 0, 0], fov: 70, near: 0.05, far: 200 }}
        gl={{ antialias: true, powerPreference: 'high-performance', preserveDrawingBuffer: false }}
        dpr={[1, 2]}
      >
        <XR store={props.xrStore}>
          <Probe xrStore={props.xrStore} />
          <FlatView />
          <LetGoAtLobby idle={!props.active && Children.toArray(props.children).length === 0} />
          <FontWarmup />
          {props.children}
        </XR>
      </Canvas>
    </div>
  )
}
