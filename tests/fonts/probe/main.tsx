// Probe page for tests/fonts/label-3d.e2e.test.ts: three labels on a dark background.
// window.__probe reports how many labels troika has finished laying out.
import { Canvas } from '@react-three/fiber'
import { Text } from '@react-three/drei'
import { createRoot } from 'react-dom/client'
import { Label3D, preloadLabelFont } from '../../../src/sdk/text/index.ts'
import '../../../src/sdk/text/font-face.css'

declare global {
  interface Window {
    __probe: { synced: number; preloaded: boolean; error?: string }
  }
}
window.__probe = { synced: 0, preloaded: false }
const onSync = () => {
  window.__probe.synced++
}

const MAIN_TEXT = '火灾逃生 Fire escape 低姿弯腰'

function Scene() {
  return (
    <>
      {/* Main probe string, white fill, big enough to judge hanzi strokes. */}
      <Label3D position={[0, 0.55, 0]} fontSize={0.32} maxWidth={6} onSync={onSync}>
        {MAIN_TEXT}
      </Label3D>
      {/* Wraps (no spaces in Chinese) and has two characters the subset lacks: 龘 and an emoji. */}
      <Label3D position={[0, -0.35, 0]} fontSize={0.2} maxWidth={3.2} color="#ffd54a" onSync={onSync}>
        {'用湿毛巾捂住口鼻，沿着安全出口指示标志有序撤离。龘🔥'}
      </Label3D>
      {/* Negative control (?cdn-control): a raw <Text> given a glyph the font lacks does call the CDN. */}
      {new URLSearchParams(location.search).has('cdn-control') && (
        <Text position={[0, 1.3, 0]} fontSize={0.2}>
          {'龘'}
        </Text>
      )}
      {/* A raw drei <Text> with no font prop: must use the local default font, not the CDN. */}
      <Text position={[0, -1.15, 0]} fontSize={0.16} color="#5ad1ff" onSync={onSync}>
        {'默认字体 Default font'}
      </Text>
    </>
  )
}

preloadLabelFont('火灾逃生')
  .then(() => {
    window.__probe.preloaded = true
  })
  .catch((err: unknown) => {
    window.__probe.error = String(err)
  })

createRoot(document.getElementById('root')!).render(
  <>
    <Canvas camera={{ position: [0, 0, 5], fov: 45 }} gl={{ preserveDrawingBuffer: true, antialias: true }} dpr={1}>
      <color attach="background" args={['#101820']} />
      <Scene />
    </Canvas>
    <div id="dom">DOM @font-face: 国槐科普体验馆</div>
  </>,
)
