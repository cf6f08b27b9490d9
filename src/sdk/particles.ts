import {
  AdditiveBlending,
  DynamicDrawUsage,
  InstancedBufferAttribute,
  InstancedBufferGeometry,
  Mesh,
  NormalBlending,
  PlaneGeometry,
  ShaderMaterial,
  UniformsLib,
  UniformsUtils,
  Vector3,
  type Color,
  type Texture,
} from 'three'

/** How `createBillboards` draws its batch. */
export interface BillboardOptions {
  /** most particles drawn at once (one draw call for all of them) */
  capacity: number
  /** the sprite's shape: its alpha (and colour) times each particle's tint; see `particleTexture` */
  map: Texture
  /** 'additive' for flames and glints (order does not matter); 'normal' for rain and spray */
  blending?: 'additive' | 'normal'
  /**
   * Streaks: the quad's long side follows this world direction (rain falling, spray flying) and
   * only turns about it to face the camera. Without it every quad faces the camera.
   */
  axis?: Vector3
  /** height : width of each quad (a rain streak is long and thin) */
  aspect?: number
}

/** A batch of camera-facing quads; positions, sizes and tints are written each frame. */
export interface Billboards {
  /** add it to the scene: `<primitive object={b.mesh} />` */
  readonly mesh: Mesh
  /** the streak direction (world); change it freely (wind) */
  readonly axis: Vector3
  /** particle `i`: centre, width in metres, sRGB tint and opacity 0..1 */
  set(i: number, x: number, y: number, z: number, size: number, tint: Color, alpha: number): void
  /** draw the first `n` particles set this frame */
  draw(n: number): void
  dispose(): void
}

const VERTEX = /* glsl */ `
attribute vec4 spot; // centre, size
attribute vec4 tint; // linear rgb, alpha
uniform vec3 axis;
uniform float useAxis;
uniform float aspect;
varying vec2 vUv;
varying vec4 vTint;
#include <fog_pars_vertex>
void main() {
  vUv = uv;
  vTint = tint;
  vec4 mvPosition = modelViewMatrix * vec4(spot.xyz, 1.0);
  vec2 q = position.xy * spot.w * vec2(1.0, aspect);
  vec3 up = useAxis > 0.5 ? normalize((viewMatrix * vec4(axis, 0.0)).xyz) : vec3(0.0, 1.0, 0.0);
  vec3 side = useAxis > 0.5 ? normalize(cross(up, vec3(0.0, 0.0, 1.0)) + 1e-5) : vec3(1.0, 0.0, 0.0);
  mvPosition.xyz += side * q.x + up * q.y;
  gl_Position = projectionMatrix * mvPosition;
  #include <fog_vertex>
}`

const FRAGMENT = /* glsl */ `
uniform sampler2D map;
varying vec2 vUv;
varying vec4 vTint;
#include <fog_pars_fragment>
void main() {
  vec4 s = texture2D(map, vUv);
  gl_FragColor = vec4(vTint.rgb * s.rgb, vTint.a * s.a);
  #include <tonemapping_fragment>
  #include <colorspace_fragment>
  #include <fog_fragment>
}`

/**
 * Particles as one instanced draw call per batch (fire, rain, spray): quads that face the camera,
 * or streaks that keep their long side along `axis`. Single pass (front faces only, the quads are
 * turned to the viewer), transparent, no depth writes, no soft-particle depth read, fogged like
 * the scene. The exhibit moves them in `useFrame` — best as a pure function of time and a
 * per-particle seed (`hash01`), so the same moment always looks the same (stable pictures in
 * tests). Create with `useTracked` (disposes geometry, material and the texture you pass).
 *
 * @example
 * const flames = useTracked(() => createBillboards({ capacity: 48, map: particleTexture('flame'), blending: 'additive' }))
 * useFrame(({ clock }) => { for (let i = 0; i < 48; i++) flames.set(i, x, y, z, 0.4, ORANGE, 0.8); flames.draw(48) })
 * return <primitive object={flames.mesh} />
 */
export function createBillboards(opts: BillboardOptions): Billboards {
  const quad = new PlaneGeometry(1, 1)
  const geo = new InstancedBufferGeometry()
  geo.index = quad.index
  geo.setAttribute('position', quad.getAttribute('position'))
  geo.setAttribute('uv', quad.getAttribute('uv'))
  const spot = new InstancedBufferAttribute(new Float32Array(opts.capacity * 4), 4).setUsage(DynamicDrawUsage)
  const tint = new InstancedBufferAttribute(new Float32Array(opts.capacity * 4), 4).setUsage(DynamicDrawUsage)
  geo.setAttribute('spot', spot)
  geo.setAttribute('tint', tint)
  geo.instanceCount = 0
  const axis = opts.axis?.clone() ?? new Vector3(0, 1, 0)
  const mat = new ShaderMaterial({
    uniforms: UniformsUtils.merge([
      UniformsLib.fog,
      { map: { value: null }, useAxis: { value: opts.axis ? 1 : 0 }, aspect: { value: opts.aspect ?? 1 }, axis: { value: null } },
    ]),
    vertexShader: VERTEX,
    fragmentShader: FRAGMENT,
    transparent: true,
    depthWrite: false,
    fog: true,
    blending: opts.blending === 'additive' ? AdditiveBlending : NormalBlending,
  })
  // set after merge: UniformsUtils.merge clones values, and the caller keeps editing `axis`
  mat.uniforms.map!.value = opts.map
  mat.uniforms.axis!.value = axis
  const mesh = new Mesh(geo, mat)
  // particles move anywhere in the batch's space; the bounding sphere of one quad is meaningless
  mesh.frustumCulled = false
  mesh.renderOrder = 5
  const s = spot.array as Float32Array
  const c = tint.array as Float32Array
  return {
    mesh,
    axis,
    set(i, x, y, z, size, color, alpha) {
      if (i < 0 || i >= opts.capacity) return
      s[i * 4] = x
      s[i * 4 + 1] = y
      s[i * 4 + 2] = z
      s[i * 4 + 3] = size
      c[i * 4] = color.r
      c[i * 4 + 1] = color.g
      c[i * 4 + 2] = color.b
      c[i * 4 + 3] = alpha
    },
    draw(n) {
      geo.instanceCount = Math.max(0, Math.min(n, opts.capacity))
      spot.needsUpdate = true
      tint.needsUpdate = true
    },
    dispose() {
      quad.dispose()
      geo.dispose()
      mat.dispose()
      opts.map.dispose()
    },
  }
}

/** A stable pseudo-random number in [0, 1) for particle `i` and a salt (no state, no Math.random). */
export function hash01(i: number, salt = 0): number {
  let h = Math.imul((i + 1) ^ Math.imul(salt + 0x9e3779b9, 0x85ebca6b), 0xc2b2ae35)
  h ^= h >>> 15
  h = Math.imul(h, 0x27d4eb2d)
  h ^= h >>> 13
  return (h >>> 0) / 4294967296
}
