import {
  AdditiveBlending,
  LinearFilter,
  NearestFilter,
  NoColorSpace,
  Vector2,
  WebGLRenderTarget,
  type Camera,
  type Material,
  type Mesh,
  type Scene,
  type Texture,
  type WebGLRenderer,
} from 'three'

const materialsOf = (o: { material?: Material | Material[] }): Material[] => (Array.isArray(o.material) ? o.material : o.material ? [o.material] : [])

/**
 * Mean number of transparent layers drawn over each pixel (fill cost of smoke, flames, rain,
 * glass, labels): opaque things write depth only, every transparent fragment that passes the
 * depth test adds 1/255 to an 8-bit target, which is read back and averaged. The materials'
 * own vertex shaders run (instanced particles land where they really are); only the colour
 * each transparent fragment writes is replaced. Everything is put back afterwards.
 */
export function transparentOverdraw(gl: WebGLRenderer, scene: Scene, camera: Camera): number {
  // half the drawing buffer: the mean is the same, the read-back a quarter
  const size = gl.getDrawingBufferSize(new Vector2())
  const w = Math.max(1, Math.floor(size.x / 2))
  const h = Math.max(1, Math.floor(size.y / 2))
  const rt = new WebGLRenderTarget(w, h, { depthBuffer: true })
  rt.texture.colorSpace = NoColorSpace
  const undo: Array<() => void> = []
  scene.traverse((o) => {
    for (const m of materialsOf(o as Mesh)) {
      if (undo.some((u) => (u as { m?: Material }).m === m)) continue
      const saved = { colorWrite: m.colorWrite, blending: m.blending, onBeforeCompile: m.onBeforeCompile, key: m.customProgramCacheKey }
      if (m.transparent) {
        m.blending = AdditiveBlending
        const before = m.onBeforeCompile.bind(m)
        m.onBeforeCompile = (shader, r) => {
          before(shader, r)
          const end = shader.fragmentShader.lastIndexOf('}')
          shader.fragmentShader = `${shader.fragmentShader.slice(0, end)}\ngl_FragColor = vec4(vec3(1.0 / 255.0), 1.0);\n}`
        }
        m.customProgramCacheKey = () => `${saved.key.call(m)}|overdraw`
      } else m.colorWrite = false
      m.needsUpdate = true
      const u = Object.assign(
        () => {
          Object.assign(m, { colorWrite: saved.colorWrite, blending: saved.blending, onBeforeCompile: saved.onBeforeCompile, customProgramCacheKey: saved.key })
          m.needsUpdate = true
        },
        { m },
      )
      undo.push(u)
    }
  })
  const bg = scene.background
  const target = gl.getRenderTarget()
  const xr = gl.xr.enabled
  try {
    scene.background = null
    gl.xr.enabled = false
    gl.setRenderTarget(rt)
    gl.setClearColor(0x000000, 0)
    gl.clear()
    gl.render(scene, camera)
    const px = new Uint8Array(w * h * 4)
    gl.readRenderTargetPixels(rt, 0, 0, w, h, px)
    let sum = 0
    for (let i = 0; i < px.length; i += 4) sum += px[i]!
    return sum / (w * h)
  } finally {
    gl.setRenderTarget(target)
    gl.xr.enabled = xr
    scene.background = bg
    for (const u of undo) u()
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
