import {
  AlwaysStencilFunc,
  CustomBlending,
  IncrementStencilOp,
  LessEqualStencilFunc,
  Mesh,
  OneFactor,
  PlaneGeometry,
  Scene,
  ShaderMaterial,
  LinearFilter,
  NearestFilter,
  NoColorSpace,
  Vector2,
  WebGLRenderTarget,
  type Camera,
  type Material,
  type Object3D,
  type Texture,
  type WebGLRenderer,
} from 'three'

const materialsOf = (o: { material?: Material | Material[] }): Material[] => (Array.isArray(o.material) ? o.material : o.material ? [o.material] : [])

/** Layers counted at most; a pixel under more counts as this many. */
const MAX_LAYERS = 24

/**
 * Mean number of transparent layers drawn over each pixel (fill cost of smoke, flames, rain,
 * glass, labels), into a small target with a stencil buffer: the opaque things alone (for their
 * depth), then the transparent things alone, each fragment that passes the depth test
 * incrementing the pixel's stencil; then the colour is cleared and a full-screen quad adds 1/255
 * wherever the stencil is ≥ k, for k = 1..MAX_LAYERS, so each pixel's red byte is its layer count.
 * No shader is changed (rewriting the transparent materials' output crashed SwiftShader's
 * renderer process), only stencil state, so nothing recompiles; all is put back afterwards.
 */
export function transparentOverdraw(gl: WebGLRenderer, scene: Scene, camera: Camera): number {
  // half the drawing buffer: the mean is the same, the read-back a quarter
  const size = gl.getDrawingBufferSize(new Vector2())
  const w = Math.max(1, Math.floor(size.x / 2))
  const h = Math.max(1, Math.floor(size.y / 2))
  const rt = new WebGLRenderTarget(w, h, { depthBuffer: true, stencilBuffer: true })
  rt.texture.colorSpace = NoColorSpace
  const meshes: Array<{ o: Object3D; visible: boolean; transparent: boolean }> = []
  const changed = new Map<Material, Pick<Material, 'stencilWrite' | 'stencilFunc' | 'stencilZPass' | 'stencilWriteMask'>>()
  scene.traverse((o) => {
    const mats = materialsOf(o as Mesh)
    if (mats.length === 0) return
    meshes.push({ o, visible: o.visible, transparent: mats.some((m) => m.transparent) })
    for (const m of mats) {
      if (!m.transparent || changed.has(m)) continue
      changed.set(m, { stencilWrite: m.stencilWrite, stencilFunc: m.stencilFunc, stencilZPass: m.stencilZPass, stencilWriteMask: m.stencilWriteMask })
      Object.assign(m, { stencilWrite: true, stencilFunc: AlwaysStencilFunc, stencilZPass: IncrementStencilOp, stencilWriteMask: 0xff })
    }
  })
  const quad = new Mesh(
    new PlaneGeometry(2, 2),
    new ShaderMaterial({
      vertexShader: 'void main() { gl_Position = vec4(position.xy, 0.0, 1.0); }',
      fragmentShader: 'void main() { gl_FragColor = vec4(1.0 / 255.0); }',
      blending: CustomBlending,
      blendSrc: OneFactor,
      blendDst: OneFactor,
      depthTest: false,
      depthWrite: false,
      stencilWrite: true,
      stencilFunc: LessEqualStencilFunc,
      stencilWriteMask: 0,
    }),
  )
  quad.frustumCulled = false
  const counter = new Scene().add(quad)
  const bg = scene.background
  const target = gl.getRenderTarget()
  const { autoClear } = gl
  const xr = gl.xr.enabled
  try {
    scene.background = null
    gl.xr.enabled = false
    gl.setRenderTarget(rt)
    gl.setClearColor(0x000000, 0)
    gl.clear()
    gl.autoClear = false
    for (const m of meshes) m.o.visible = m.visible && !m.transparent
    gl.render(scene, camera)
    for (const m of meshes) m.o.visible = m.visible && m.transparent
    gl.render(scene, camera)
    gl.clear(true, false, false)
    for (let k = 1; k <= MAX_LAYERS; k++) {
      quad.material.stencilRef = k
      gl.render(counter, camera)
    }
    const px = new Uint8Array(w * h * 4)
    gl.readRenderTargetPixels(rt, 0, 0, w, h, px)
    let sum = 0
    for (let i = 0; i < px.length; i += 4) sum += px[i]!
    return sum / (w * h)
  } finally {
    gl.setRenderTarget(target)
    gl.autoClear = autoClear
    gl.xr.enabled = xr
    scene.background = bg
    for (const m of meshes) m.o.visible = m.visible
    for (const [m, saved] of changed) Object.assign(m, saved)
    quad.geometry.dispose()
    quad.material.dispose()
    rt.dispose()
  }
}

/** Bytes the scene's textures take on the GPU now: 4 per texel (8-bit RGBA), a third more with mipmaps. */
export function textureBytes(scene: Scene): number {
  const seen = new Set<Texture>()
  scene.traverse((o) => {
    for (const m of materialsOf(o as Mesh)) {
      for (const v of Object.values(m)) if ((v as Texture | null)?.isTexture) seen.add(v as Texture)
      const uniforms = (m as { uniforms?: Record<string, { value: unknown }> }).uniforms
      for (const u of Object.values(uniforms ?? {})) if ((u.value as Texture | null)?.isTexture) seen.add(u.value as Texture)
    }
  })
  let bytes = 0
  for (const t of seen) {
    const img = t.image as { width?: number; height?: number } | undefined
    const n = (img?.width ?? 0) * (img?.height ?? 0) * 4
    bytes += t.generateMipmaps && t.minFilter !== LinearFilter && t.minFilter !== NearestFilter ? (n * 4) / 3 : n
  }
  return Math.round(bytes)
}
