import { BoxGeometry, Color, Mesh, MeshBasicMaterial, PerspectiveCamera, Scene, WebGLRenderer } from 'three'
import { requestMotionPermission, setupXRPolyfill } from '../../../src/scene/cardboard/index.ts'
import { createProbeState, nativeEvidence } from './probe-state.ts'
import { simulateNoWebXR } from '../../../src/scene/cardboard/simulate-no-webxr.ts'

// Plain three.js. ?mode=cardboard: a phone without WebXR (simulated) using setupXRPolyfill;
// ?mode=unpatched: the same with webxr-polyfill installed bare (shows the original bug);
// ?mode=native: Chromium's own WebXR left in place.
const probe = createProbeState()
const mode = new URLSearchParams(location.search).get('mode') ?? 'cardboard'
if (mode !== 'native') simulateNoWebXR()

async function installBarePolyfill(): Promise<string> {
  const { default: WebXRPolyfill } = await import('webxr-polyfill')
  new WebXRPolyfill({ webvr: false, allowCardboardOnDesktop: true, cardboardConfig: { DPDB_URL: false } })
  return 'unpatched'
}

async function main() {
  probe.support = mode === 'unpatched' ? await installBarePolyfill() : await setupXRPolyfill({ allowCardboardOnDesktop: mode === 'cardboard' })
  if (mode === 'native') {
    probe.native = nativeEvidence()
    return
  }

  const renderer = new WebGLRenderer({ antialias: false })
  renderer.setPixelRatio(1)
  renderer.setSize(innerWidth, innerHeight)
  renderer.xr.enabled = true
  document.body.appendChild(renderer.domElement)

  const scene = new Scene()
  scene.background = new Color(0x203040)
  const camera = new PerspectiveCamera(70, innerWidth / innerHeight, 0.1, 100)
  camera.position.set(0, 1.6, 0)
  // Magenta: its 0 and 255 channels survive sRGB conversion and lens-distortion filtering.
  const box = new Mesh(new BoxGeometry(1.2, 1.2, 1.2), new MeshBasicMaterial({ color: 0xff00ff }))
  box.position.set(0, 1.6, -2.5)
  scene.add(box)

  renderer.setAnimationLoop(() => {
    box.rotation.y += 0.01
    if (renderer.xr.isPresenting) probe.xrFrames++
    renderer.render(scene, camera)
  })

  const button = document.getElementById('enter') as HTMLButtonElement
  button.disabled = false
  probe.ready = true
  button.addEventListener('click', () => {
    void requestMotionPermission()
    navigator
      .xr!.requestSession('immersive-vr', { optionalFeatures: ['local-floor'] })
      .then(async (session) => {
        session.addEventListener('end', () => {
          probe.sessionEnded = true
        })
        probe.exit = () => session.end()
        await renderer.xr.setSession(session)
        probe.sessionStarted = true
      })
      .catch((e: unknown) => probe.errors.push(`enter: ${String(e)}`))
  })
}

main().catch((e: unknown) => probe.errors.push(`main: ${String(e)}`))
