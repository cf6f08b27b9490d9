import { useRef } from 'react'
import { createRoot } from 'react-dom/client'
import { Canvas, useFrame } from '@react-three/fiber'
import { createXRStore, XR } from '@react-three/xr'
import type { Mesh } from 'three'
import { requestMotionPermission, setupXRPolyfill } from '../../../src/scene/cardboard/index.ts'
import { createProbeState } from './probe-state.ts'
import { simulateNoWebXR } from '../../../src/scene/cardboard/simulate-no-webxr.ts'

// R3F <Canvas> + createXRStore() + <XR> + store.enterVR(), on the cardboard polyfill.
const probe = createProbeState()
simulateNoWebXR()

function Box() {
  const ref = useRef<Mesh>(null)
  useFrame((state) => {
    // First frame: effects have run, so <XR> has handed the renderer to the store.
    probe.ready = true
    if (ref.current) ref.current.rotation.y += 0.01
    if (state.gl.xr.isPresenting) probe.xrFrames++
  })
  return (
    <mesh ref={ref} position={[0, 1.6, -2.5]}>
      <boxGeometry args={[1.2, 1.2, 1.2]} />
      <meshBasicMaterial color="#ff00ff" />
    </mesh>
  )
}

async function main() {
  // Before the store and the Canvas exist: both look at navigator.xr when created.
  probe.support = await setupXRPolyfill({ allowCardboardOnDesktop: true })
  const store = createXRStore({ emulate: false })
  store.subscribe((s) => {
    if (s.session && !probe.sessionStarted) {
      probe.sessionStarted = true
      s.session.addEventListener('end', () => {
        probe.sessionEnded = true
      })
      const session = s.session
      probe.exit = () => session.end()
    }
  })

  const enter = () => {
    void requestMotionPermission()
    store.enterVR().catch((e: unknown) => probe.errors.push(`enterVR: ${String(e)}`))
  }

  createRoot(document.getElementById('root')!).render(
    <>
      <button id="enter" onClick={enter} style={{ position: 'fixed', left: 8, top: 8, zIndex: 10, fontSize: 20 }}>
        Enter VR
      </button>
      <Canvas camera={{ position: [0, 1.6, 0], rotation: [0, 0, 0], fov: 70 }} gl={{ antialias: false }} dpr={1}>
        <color attach="background" args={['#203040']} />
        <XR store={store}>
          <Box />
        </XR>
      </Canvas>
    </>,
  )
}

main().catch((e: unknown) => probe.errors.push(`main: ${String(e)}`))
