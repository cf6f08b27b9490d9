import { Canvas, useThree } from '@react-three/fiber'
import { XR, type XRStore } from '@react-three/xr'
import { useEffect, type ReactNode } from 'react'
import { setProbedRenderer } from './renderer-probe.ts'

function Probe() {
  const gl = useThree((s) => s.gl)
  useEffect(() => { setProbedRenderer(gl); return () => setProbedRenderer(null) }, [gl])
  return null
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
        camera={{ position: [0, 1.6, 0], fov: 70, near: 0.05, far: 200 }}
        gl={{ antialias: true, powerPreference: 'high-performance', preserveDrawingBuffer: false }}
        dpr={[1, 2]}
      >
        <XR store={props.xrStore}>
          <Probe />
          {props.children}
        </XR>
      </Canvas>
    </div>
  )
}
