import {
  Clock,
  Color,
  LinearSRGBColorSpace,
  Mesh,
  MeshBasicMaterial,
  NoToneMapping,
  PerspectiveCamera,
  Sprite,
  SpriteMaterial,
  type Camera,
  type Material,
  type Object3D,
  type WebGLRenderer,
} from 'three'
import { advance, type RootState } from '@react-three/fiber'
import { getStage } from '../scene/stage-probe.ts'
import { flatFov } from '../scene/flat-fov.ts'
import { ID_COLOURS, idOf } from './id-colours.ts'
import { isSubjectOf } from './subjects.ts'

/** Raw RGBA pixels, top row first, base64 (a JSON array of numbers is ~15× slower to cross the protocol). */
export interface LookPixels {
  width: number
  height: number
  rgba: string
}

/** One subject of a step in the ID renders: its pixels with nothing else drawn, and those not hidden by the rest of the scene. */
export interface LookSubject {
  name: string
  alone: number
  visible: number
}

/** The look check's hooks (scripts/look): a frozen loop driven one fixed step at a time, and small renders read back. */
export interface LookBridge {
  /**
   * stop time for the rest of the page, from the next stage's first frame: frames still draw
   * (loading needs them) but every clock's delta is 0, so nothing a scene moves by `dt` (a
   * whirlpool's turn) drifts by how long loading took; only `settle` moves time
   */
  hold(): void
  /** stop the render loop: from now on only `settle` moves the scene */
  freeze(): void
  resume(): void
  /** reseed Math.random, then run `frames` frames of 1/60 s from a fixed clock (drawn once, at the end) */
  settle(seed: number, frames: number): void
  /** the scene through the flat camera fitted to width×height */
  shot(width: number, height: number): LookPixels
  /** the step's subjects in flat ID colours (everything else black, or hidden for `alone`) through the camera as the page shows it, at `scale` of the canvas */
  ids(stepId: string, scale: number): { all: LookPixels; subjects: LookSubject[] }
}

/** mulberry32: a tiny seeded generator, the same one the page starts with (scripts/look/page-init.ts). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function root(): RootState {
  const s = getStage()
  if (!s) throw new Error('look: no stage is mounted (open an exhibit first)')
  return s.get()
}

function readRaw(gl: WebGLRenderer, width: number, height: number): Uint8Array {
  const ctx = gl.getContext()
  const buf = new Uint8Array(width * height * 4)
  // read in the same task as the draw: the drawing buffer is not preserved once the page composites
  ctx.readPixels(0, 0, width, height, ctx.RGBA, ctx.UNSIGNED_BYTE, buf)
  const flipped = new Uint8Array(buf.length)
  const row = width * 4
  for (let y = 0; y < height; y++) flipped.set(buf.subarray((height - 1 - y) * row, (height - y) * row), y * row)
  return flipped
}

function pack(width: number, height: number, px: Uint8Array): LookPixels {
  let bin = ''
  for (let i = 0; i < px.length; i += 0x8000) bin += String.fromCharCode(...px.subarray(i, i + 0x8000))
  return { width, height, rgba: btoa(bin) }
}

/** Draw once at width×height (pixel ratio 1) with `camera`, read it back, and put the canvas's size back. */
function drawAt(st: RootState, camera: Camera, width: number, height: number): Uint8Array {
  const gl = st.gl
  const ratio = gl.getPixelRatio()
  const canvas = gl.domElement
  const was = { w: canvas.width / ratio, h: canvas.height / ratio }
  gl.setPixelRatio(1)
  gl.setSize(width, height, false)
  try {
    gl.render(st.scene, camera)
    return readRaw(gl, width, height)
  } finally {
    gl.setPixelRatio(ratio)
    gl.setSize(was.w, was.h, false)
  }
}

function fitted(camera: Camera, aspect: number): Camera {
  if (!(camera instanceof PerspectiveCamera)) return camera
  const c = camera.clone()
  c.aspect = aspect
  c.fov = flatFov(aspect)
  c.updateProjectionMatrix()
  return c
}

type Drawable = Mesh | Sprite
const isDrawable = (o: Object3D): o is Drawable => o instanceof Mesh || o instanceof Sprite
/** See-through things (smoke, glass, water surfaces seen from above) do not hide a subject from a child. */
function seeThrough(m: Material | Material[]): boolean {
  const list = Array.isArray(m) ? m : [m]
  return list.every((x) => (x.transparent && x.opacity < 0.5) || !x.depthWrite || !x.visible)
}
/** troika's text meshes: thin glyphs on a quad; as a solid occluder the quad would overstate what they hide (so they are not drawn). */
const isText = (o: Object3D) => 'text' in o && 'sync' in o

/** A subject's name for the report: its own, or its nearest named ancestor's with its type. */
function label(o: Object3D): string {
  for (let x: Object3D | null = o; x; x = x.parent) if (x.name) return x === o ? x.name : `${x.name}/${o.type}`
  return o.type
}

/**
 * One ID render: every subject of the step in its flat colour; the rest black (`all`) or not drawn
 * (`alone`). Materials, visibility, tone mapping and colour space are put back afterwards.
 */
function idRender(st: RootState, stepId: string, mode: 'all' | 'alone', scale: number, names: string[]): { width: number; height: number; px: Uint8Array } {
  const { gl, scene } = st
  const saved: { o: Drawable; material: Drawable['material']; visible: boolean }[] = []
  const made: Material[] = []
  const hidden: { o: Object3D; visible: boolean }[] = []
  const black = new MeshBasicMaterial({ color: 0x000000, toneMapped: false, fog: false })
  made.push(black)
  const colourFor = new Map<Object3D, number>()
  scene.traverse((o) => {
    if (isSubjectOf(o, stepId) && !colourFor.has(o)) {
      const k = names.length
      names.push(label(o))
      o.traverse((c) => colourFor.set(c, k))
    }
  })
  scene.traverse((o) => {
    if (!isDrawable(o) && !(o as { isPoints?: boolean }).isPoints && !(o as { isLine?: boolean }).isLine) return
    const d = o as Drawable
    // troika's text derives its material on read: never swap it, only hide it
    if (isText(o) || !isDrawable(o)) {
      hidden.push({ o, visible: o.visible })
      o.visible = false
      return
    }
    saved.push({ o: d, material: d.material, visible: d.visible })
    const k = colourFor.get(o)
    if (k === undefined) {
      if (mode === 'alone' || seeThrough(d.material)) d.visible = false
      else d.material = black
      return
    }
    const [r, g, b] = ID_COLOURS[k % ID_COLOURS.length]!
    const colour = new Color(r / 255, g / 255, b / 255)
    const side = (Array.isArray(d.material) ? d.material[0] : d.material)?.side
    const m =
      o instanceof Sprite
        ? new SpriteMaterial({ color: colour, toneMapped: false, fog: false })
        : new MeshBasicMaterial({ color: colour, toneMapped: false, fog: false, side })
    made.push(m)
    d.material = m
  })
  const background = scene.background
  const fog = scene.fog
  const tone = gl.toneMapping
  const space = gl.outputColorSpace
  scene.background = new Color(0, 0, 0)
  scene.fog = null
  gl.toneMapping = NoToneMapping
  gl.outputColorSpace = LinearSRGBColorSpace
  try {
    const c = gl.domElement
    const ratio = gl.getPixelRatio()
    const w = Math.max(1, Math.round((c.width / ratio) * scale))
    const h = Math.max(1, Math.round((c.height / ratio) * scale))
    return { width: w, height: h, px: drawAt(st, st.camera, w, h) }
  } finally {
    for (const s of saved) {
      s.o.material = s.material
      s.o.visible = s.visible
    }
    for (const h of hidden) h.o.visible = h.visible
    for (const m of made) m.dispose()
    scene.background = background
    scene.fog = fog
    gl.toneMapping = tone
    gl.outputColorSpace = space
  }
}

/** Pixels of each ID colour (index k; colours repeat past ID_COLOURS.length), in one pass. */
function counts(px: Uint8Array, n: number): number[] {
  const out = new Array<number>(n).fill(0)
  for (let i = 0; i < px.length; i += 4) {
    const k = idOf(px[i]!, px[i + 1]!, px[i + 2]!)
    if (k >= 0 && k < n) out[k]!++
  }
  return out
}

/** Test builds only (see bridge.ts). */
export function createLookHooks(): LookBridge {
  let frozenAt = 0
  return {
    hold() {
      // the stage may not exist yet (it mounts on the first visit): every Clock, including its own, stands from its first tick
      Clock.prototype.getDelta = function (this: Clock) {
        this.autoStart = false
        this.running = false
        return 0
      }
    },
    freeze() {
      const st = root()
      st.setFrameloop('never')
      // THREE.Clock reads performance.now() when frame code calls clock.getElapsedTime() or
      // getDelta(): stopped (and not restarting itself), it returns the elapsed time settle sets
      st.clock.autoStart = false
      st.clock.running = false
    },
    resume() {
      const st = root()
      st.clock.autoStart = true
      st.clock.start()
      st.setFrameloop('always')
      st.invalidate()
    },
    settle(seed, frames) {
      const st = root()
      Math.random = seeded(seed)
      // the same clock for every run: frame i happens at a fixed time, whatever the machine's speed
      frozenAt = 1000 + seed
      st.clock.elapsedTime = frozenAt
      const gl = st.gl as WebGLRenderer & { render: WebGLRenderer['render'] }
      const draw = gl.render
      // only the last frame is drawn: the scene's state depends on its frame functions, not on drawing
      gl.render = () => {}
      try {
        for (let i = 1; i < frames; i++) advance(frozenAt + i / 60, true, st)
      } finally {
        gl.render = draw
      }
      advance(frozenAt + frames / 60, true, st)
    },
    shot(width, height) {
      const st = root()
      return pack(width, height, drawAt(st, fitted(st.camera, width / height), width, height))
    },
    ids(stepId, scale) {
      const st = root()
      const names: string[] = []
      const all = idRender(st, stepId, 'all', scale, names)
      const alone = idRender(st, stepId, 'alone', scale, [])
      const seen = counts(all.px, names.length),
        own = counts(alone.px, names.length)
      return { all: pack(all.width, all.height, all.px), subjects: names.map((name, k) => ({ name, alone: own[k]!, visible: seen[k]! })) }
    },
  }
}
