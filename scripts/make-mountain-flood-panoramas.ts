/**
 * npx tsx scripts/make-mountain-flood-panoramas.ts [--out <folder>] [--width 2048] [--only <scene>]
 *
 * Remakes the four 360° pictures of exhibits/mountain-flood/images/: a valley of the Longmen
 * Mountains north-west of Chengdu, drawn from a three.js scene, no photo downloaded, offline.
 * The method is make-sample-panorama.ts's: every pixel of the equirectangular image casts one ray
 * from the eye (0, 1.6, 0) in the direction it stands for (column → yaw, row → pitch, the
 * exhibit's convention), so a thing placed at yaw/pitch here sits at that yaw/pitch in the
 * exhibit. Two things are added for a landscape: three-mesh-bvh makes the ray casts against a
 * 160 000-triangle terrain fast (about 20 s a picture on one core), and colour comes from the hit
 * point instead of a flat material (water, gravel, sand bars, forest, cracks, haze with distance,
 * a sky with sun and cumulus, and the storm cell upstream). Every prop (tents, trees, signs,
 * houses, the gong, branches) is merged into one vertex-coloured mesh.
 *
 * The valley runs along z: upstream is straight ahead (yaw 0), downstream behind (yaw 180). The
 * river flows on the right of the viewer; the left side rises to a terrace and a forested slope,
 * the way out of a flood ("sideways, up the slope"). Deterministic: the same command makes the
 * same pixels (noise is a hash of the position, no Math.random).
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'
import { acceleratedRaycast, computeBoundsTree } from 'three-mesh-bvh'
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js'
import {
  BoxGeometry,
  BufferAttribute,
  BufferGeometry,
  Color,
  ColorManagement,
  ConeGeometry,
  CylinderGeometry,
  Matrix4,
  Mesh,
  PlaneGeometry,
  Quaternion,
  Raycaster,
  Vector3,
  type Intersection,
} from 'three'
import { direction } from './make-sample-panorama.ts'

ColorManagement.enabled = false
// drei's own three-mesh-bvh (0.8) also augments BufferGeometry, with older types than 0.9's
BufferGeometry.prototype.computeBoundsTree = computeBoundsTree as unknown as BufferGeometry['computeBoundsTree']
Mesh.prototype.raycast = acceleratedRaycast

const EYE = new Vector3(0, 1.6, 0)
const SUN = new Vector3(-0.35, 0.75, 0.55).normalize()

// ---- noise: a hash of the position, so the same command makes the same picture
const hash = (x: number, y: number) => {
  const s = Math.sin(x * 127.1 + y * 311.7) * 43758.5453
  return s - Math.floor(s)
}
function noise(x: number, y: number): number {
  const xi = Math.floor(x),
    yi = Math.floor(y)
  const xf = x - xi,
    yf = y - yi
  const u = xf * xf * (3 - 2 * xf),
    v = yf * yf * (3 - 2 * yf)
  const a = hash(xi, yi),
    b = hash(xi + 1, yi),
    c = hash(xi, yi + 1),
    d = hash(xi + 1, yi + 1)
  return a + (b - a) * u + (c - a) * v + (a - b - c + d) * u * v
}
const fbm = (x: number, y: number, octaves = 4) => {
  let sum = 0,
    amp = 0.5,
    f = 1
  for (let i = 0; i < octaves; i++, amp *= 0.5, f *= 2.03) sum += amp * noise(x * f, y * f)
  return sum
}

/** What differs between the four pictures. */
interface Look {
  muddy: boolean
  /** the river's half-width in metres (it widens as it rises) */
  riverHalf: number
  storm: boolean
  /** arc-shaped cracks and a spring on the left slope (the landslide signs) */
  cracks: boolean
  /** the village path: a beaten-earth strip up the left slope */
  path: boolean
  /** where the viewer stands in the valley (the terrain moves, not the eye); y follows the ground */
  offset: { x: number; z: number }
}

/** The ground height under the viewer: the eye stands 1.6 m above it. */
const groundAt = (look: Look) => valley(look.offset.x, look.offset.z)

/** The river's centre line at z (a gentle bend). */
const riverX = (z: number) => 7 + 6 * Math.sin(z / 70)

/** Valley height at (x, z) in valley coordinates: riverbed 0, a terrace on the left, slopes both sides. */
function valley(x: number, z: number): number {
  const xr = x - riverX(z)
  let h = 0
  if (xr < -16) h = Math.min(2.4, (-16 - xr) * 1.2) // the bank up to the terrace
  if (xr < -28) h = 2.4 + (-28 - xr) * 0.55 * (0.8 + 0.5 * fbm(x / 40, z / 40)) // the left slope
  if (xr > 9) h = (xr - 9) * 0.85 * (0.8 + 0.5 * fbm(x / 35 + 9, z / 35)) // the steep right slope
  const far = Math.hypot(x, z)
  if (far > 150) h += (far - 150) * 0.25 * fbm(x / 90, z / 90, 3) // the mountains around
  if (Math.abs(xr) < 9) h -= 0.25 * Math.max(0, 1 - Math.abs(xr) / 9)
  return h + 0.6 * (fbm(x / 8, z / 8) - 0.5) * Math.min(1, Math.max(0, (Math.abs(xr) - 9) / 6))
}

function terrain(look: Look): Mesh {
  const g = new PlaneGeometry(900, 900, 400, 400).rotateX(-Math.PI / 2)
  const p = g.attributes.position as BufferAttribute
  for (let i = 0; i < p.count; i++) {
    const x = p.getX(i),
      z = p.getZ(i)
    p.setY(i, valley(x + look.offset.x, z + look.offset.z) - groundAt(look))
  }
  g.computeBoundsTree()
  return new Mesh(g)
}

/** One mesh of every prop, coloured per vertex: one BVH, one ray cast per pixel. */
class Props {
  private parts: BufferGeometry[] = []
  constructor(private look: Look) {}
  /** Ground height under (x, z) in the viewer's coordinates. */
  ground = (x: number, z: number) => valley(x + this.look.offset.x, z + this.look.offset.z) - groundAt(this.look)
  /** Named spots, printed with their yaw/pitch for scenes.yaml. */
  spots: [string, Vector3][] = []
  spot(name: string, x: number, z: number, above: number): this {
    this.spots.push([name, new Vector3(x, this.ground(x, z) + above, z)])
    return this
  }
  add(g: BufferGeometry, color: string, at: Vector3, rot = new Quaternion(), scale = new Vector3(1, 1, 1)): this {
    const geo = g.index ? g.toNonIndexed() : g
    geo.deleteAttribute('uv')
    geo.deleteAttribute('normal')
    geo.applyMatrix4(new Matrix4().compose(at, rot, scale))
    const c = new Color(color)
    const n = geo.attributes.position!.count
    const col = new Float32Array(n * 3)
    for (let i = 0; i < n; i++) col.set([c.r, c.g, c.b], i * 3)
    geo.setAttribute('color', new BufferAttribute(col, 3))
    this.parts.push(geo)
    return this
  }
  tree(x: number, z: number, size = 1, tilt = 0): this {
    const y = this.ground(x, z)
    const q = new Quaternion().setFromAxisAngle(new Vector3(0, 0, 1), tilt)
    const up = new Vector3(0, 1, 0).applyQuaternion(q)
    this.add(new CylinderGeometry(0.12 * size, 0.18 * size, 2.2 * size, 6), '#5d4037', new Vector3(x, y, z).addScaledVector(up, 1.1 * size), q)
    const shade = hash(x, z) > 0.5 ? '#2f6b34' : '#3d7f3a'
    return this.add(new ConeGeometry(1.3 * size, 4 * size, 7), shade, new Vector3(x, y, z).addScaledVector(up, 3.6 * size), q)
  }
  tent(x: number, z: number, color: string): this {
    return this.add(
      new ConeGeometry(1.3, 1.5, 4),
      color,
      new Vector3(x, this.ground(x, z) + 0.75, z),
      new Quaternion().setFromAxisAngle(new Vector3(0, 1, 0), 0.5),
    )
  }
  /** A board on a post facing the viewer; `stripe` is a second colour across its middle. */
  sign(x: number, z: number, board: string, stripe: string, height = 1.8, size = 1): this {
    const y = this.ground(x, z)
    const face = new Quaternion().setFromAxisAngle(new Vector3(0, 1, 0), Math.atan2(-x, -z) + Math.PI)
    this.add(new BoxGeometry(0.1, height, 0.1), '#6d4c41', new Vector3(x, y + height / 2, z))
    const s = new Vector3(size, size, 1)
    this.add(new BoxGeometry(1.4, 0.9, 0.06), board, new Vector3(x, y + height + 0.3 * size, z), face, s)
    return this.add(new BoxGeometry(1.2, 0.22, 0.08), stripe, new Vector3(x, y + height + 0.3 * size, z), face, s)
  }
  house(x: number, z: number, turn: number): this {
    const y = this.ground(x, z)
    const q = new Quaternion().setFromAxisAngle(new Vector3(0, 1, 0), turn)
    this.add(new BoxGeometry(6, 3, 4), '#ece6da', new Vector3(x, y + 1.4, z), q)
    this.add(
      new ConeGeometry(4.4, 1.8, 4),
      '#4e5358',
      new Vector3(x, y + 3.8, z),
      new Quaternion().setFromAxisAngle(new Vector3(0, 1, 0), turn + Math.PI / 4),
      new Vector3(1.05, 1, 0.72),
    )
    return this.add(new BoxGeometry(1, 2, 0.1), '#6d4c41', new Vector3(x, y + 1, z).add(new Vector3(0, 0, 2.02).applyQuaternion(q)), q)
  }
  /** The village's warning gong: a bronze disc hung in a wooden frame. */
  gong(x: number, z: number): this {
    const y = this.ground(x, z)
    const face = new Quaternion().setFromAxisAngle(new Vector3(0, 1, 0), Math.atan2(-x, -z) + Math.PI)
    const side = new Vector3(1, 0, 0).applyQuaternion(face)
    for (const s of [-0.7, 0.7]) this.add(new BoxGeometry(0.12, 2.4, 0.12), '#5d4037', new Vector3(x, y + 1.2, z).addScaledVector(side, s))
    this.add(new BoxGeometry(1.6, 0.12, 0.12), '#5d4037', new Vector3(x, y + 2.4, z), face)
    const disc = new Quaternion().setFromAxisAngle(side, Math.PI / 2)
    return this.add(new CylinderGeometry(0.5, 0.5, 0.08, 20), '#c9a227', new Vector3(x, y + 1.75, z), disc)
  }
  mesh(): Mesh {
    const g = mergeGeometries(this.parts)
    if (!g) throw new Error('props: nothing to merge')
    g.computeBoundsTree()
    return new Mesh(g)
  }
}

const c = new Color()
const tmp = new Color()
/** The colour of the terrain at a hit point, in valley coordinates. */
function paintGround(look: Look, p: Vector3, n: Vector3, out: Color): Color {
  const x = p.x + look.offset.x,
    z = p.z + look.offset.z,
    h = p.y + groundAt(look)
  const xr = x - riverX(z)
  const grain = fbm(x * 3, z * 3, 2)
  // a sand bar in the river, ahead right
  if (!look.muddy && Math.abs(xr - 1.5) < 2.2 && z < -8 && z > -26) return out.set('#dccaa0').multiplyScalar(0.9 + 0.15 * grain)
  if (Math.abs(xr) < look.riverHalf && h < 0.2) {
    const ripple = 0.5 + 0.5 * Math.sin(z * 1.7 + 3 * fbm(x, z * 0.5))
    if (look.muddy) return out.set('#8a6a45').multiplyScalar(0.85 + 0.25 * ripple * fbm(x / 2, z))
    return out.set('#5aa3ad').lerp(tmp.set('#d8ecf2'), 0.25 * ripple)
  }
  if (look.path && Math.abs(x - 0.6 * z + 40) < 1.4 && xr < -14) return out.set('#a1887f').multiplyScalar(0.9 + 0.15 * grain)
  if (look.cracks) {
    // arcs below the slope's crest, across the hillside ahead-left; a wet spring below them
    const r = Math.hypot(x + 40, z + 22)
    if (x > -52 && x < -28 && [12, 14.5, 17].some((R) => Math.abs(r - R - 0.6 * Math.sin(x)) < 0.3)) return out.set('#24170f')
    if (Math.hypot(x + 31, z + 10) < 1.6 || (Math.abs(z + 10 - (x + 31) * 0.2) < 0.25 && x > -31 && x < -20)) return out.set('#5b7f8f')
  }
  const slope = 1 - n.y
  if (h < 0.5 && Math.abs(xr) < 16)
    out.set('#b8b1a3').multiplyScalar(0.8 + 0.35 * grain) // gravel riverbed
  else if (slope < 0.12 && h < 3)
    out.set('#86b04f').multiplyScalar(0.85 + 0.2 * grain) // terrace grass
  else if (slope > 0.45)
    out.set('#8d877a').multiplyScalar(0.8 + 0.3 * grain) // bare rock
  else out.set('#3e7a3b').multiplyScalar(0.7 + 0.5 * fbm(x / 3, z / 3, 3)) // forest canopy
  return out
}

function paintSky(look: Look, yaw: number, pitch: number, out: Color): Color {
  const t = Math.max(0, pitch) / 90
  out.setRGB(0.78 - 0.42 * t, 0.86 - 0.28 * t, 0.95 - 0.1 * t)
  const sunDir = direction(-35, 48)
  const d = direction(yaw, pitch, new Vector3()).dot(sunDir)
  if (d > 0.9995) return out.setRGB(1, 1, 0.92)
  out.lerp(tmp.setRGB(1, 0.98, 0.88), Math.pow(Math.max(0, d), 60) * 0.6)
  const u = yaw / 20,
    v = pitch / 8
  const cumulus = fbm(u, v * 1.6, 5) - 0.55 + 0.15 * t
  if (cumulus > 0 && pitch > 3) out.lerp(tmp.setRGB(0.97, 0.97, 0.98), Math.min(1, cumulus * 5))
  if (look.storm) {
    // the storm cell upstream, over the mountains ahead: it rains there, not here
    const mask = Math.max(0, 1 - Math.abs(yaw - 5) / 70) * Math.max(0, 1 - Math.abs(pitch - 16) / 30)
    const dark = (0.4 + fbm(u * 1.4 + 3, v * 1.4, 5)) * 1.5 * mask
    if (dark > 0.4) out.lerp(tmp.setRGB(0.27, 0.29, 0.33), Math.min(0.95, (dark - 0.4) * 2.5))
  }
  return out
}

/** Render the scene as a width × width/2 equirectangular RGB image. */
function render(look: Look, meshes: Mesh[], width: number): Buffer {
  const height = width / 2
  const ray = new Raycaster()
  ray.firstHitOnly = true
  const dir = new Vector3()
  const n = new Vector3()
  const hits: Intersection[] = []
  const px = Buffer.alloc(width * height * 3)
  const haze = new Color('#c4d4de')
  for (let y = 0; y < height; y++) {
    const pitch = (0.5 - (y + 0.5) / height) * 180
    for (let x = 0; x < width; x++) {
      const yaw = ((x + 0.5) / width - 0.5) * 360
      ray.set(EYE, direction(yaw, pitch, dir))
      hits.length = 0
      ray.intersectObjects(meshes, false, hits)
      const hit = hits[0]
      if (!hit || !hit.face) paintSky(look, yaw, pitch, c)
      else {
        n.copy(hit.face.normal)
        if (n.dot(dir) > 0) n.negate()
        if (hit.object === meshes[0]) paintGround(look, hit.point, n, c)
        else {
          const col = (hit.object as Mesh).geometry.attributes.color!
          c.setRGB(col.getX(hit.face.a), col.getY(hit.face.a), col.getZ(hit.face.a))
        }
        c.multiplyScalar(0.55 + 0.55 * Math.max(0, n.dot(SUN)))
        c.lerp(haze, 1 - Math.exp(-hit.distance / (look.storm ? 260 : 380)))
      }
      const i = (y * width + x) * 3
      px[i] = Math.round(Math.min(1, c.r) * 255)
      px[i + 1] = Math.round(Math.min(1, c.g) * 255)
      px[i + 2] = Math.round(Math.min(1, c.b) * 255)
    }
  }
  return px
}

/** Trees on both slopes (not on the riverbed), the same in every picture of the valley. */
function forest(props: Props, look: Look, tilted = false): void {
  for (let i = 0; i < 420; i++) {
    const z = (hash(i, 1) - 0.5) * 260 - look.offset.z
    const left = hash(i, 2) < 0.6
    const x = riverX(z + look.offset.z) + (left ? -(30 + hash(i, 3) * 60) : 11 + hash(i, 3) * 50) - look.offset.x
    if (Math.hypot(x, z) < 6) continue
    props.tree(x, z, 0.8 + hash(i, 4) * 0.7, tilted && Math.hypot(x + 36, z + 20) < 16 ? (hash(i, 5) - 0.5) * 0.9 : 0)
  }
}

const SCENES: Record<string, { look: Look; props(p: Props, look: Look): void }> = {
  // On the gravel riverbed on a sunny day: the river on the right with a sand bar, the terrace on the left.
  campsite: {
    look: { muddy: false, riverHalf: 4, storm: false, cracks: false, path: false, offset: { x: 0, z: 0 } },
    props(p, look) {
      forest(p, look)
      p.tent(5.5, -17, '#ef6c00') // on the sand bar (yaw ≈ 18)
      p.tent(-1.5, -9, '#1e88e5') // on the riverbed by the water (yaw ≈ -9)
      p.tent(-15, -7, '#fbc02d') // on the high terrace, away from the river (yaw ≈ -65)
      p.sign(-4, -6, '#f4f4f4', '#d32f2f') // the "keep away from the river" sign (yaw ≈ -34)
      p.spot('tent-sandbar', 5.5, -17, 2.4).spot('tent-riverbed', -1.5, -9, 2.4).spot('tent-terrace', -15, -7, 2.6).spot('sign', -4, -6, 2.1)
    },
  },
  // The same valley an hour later, at the water's edge: muddy, wider, branches; a storm upstream.
  river: {
    look: { muddy: true, riverHalf: 6.5, storm: true, cracks: false, path: false, offset: { x: -2.5, z: -4 } },
    props(p, look) {
      forest(p, look)
      p.tent(-2.5, -5, '#1e88e5') // the tent on the riverbed (yaw ≈ -27)
      p.spot('back-tent', -2.5, -5, 2.2).spot('muddy-water', 9, -14, 0.5).spot('upstream', 4, -150, 25)
      p.spot('run-side', -30, 2, 10).spot('run-downstream', 10, 60, 3)
      for (let i = 0; i < 40; i++) {
        const z = (hash(i, 7) - 0.5) * 70
        const x = riverX(z + look.offset.z) - look.offset.x + (hash(i, 8) - 0.5) * 9
        p.add(
          new BoxGeometry(1.6 + hash(i, 9) * 2, 0.12, 0.14),
          '#4e342e',
          new Vector3(x, 0.02, z),
          new Quaternion().setFromAxisAngle(new Vector3(0, 1, 0), hash(i, 10) * 3),
        )
      }
    },
  },
  // Up on the left slope: arc-shaped cracks, tilted trees and a new spring ahead-left.
  slope: {
    look: { muddy: true, riverHalf: 6.5, storm: true, cracks: true, path: false, offset: { x: -26, z: -4 } },
    props(p, look) {
      forest(p, look, true)
      for (const [x, z, tilt] of [
        [-8, -12, 0.5],
        [-11, -10, -0.45],
        [-6, -15, 0.4],
        [-13, -15, 0.55],
      ] as const)
        p.tree(x, z, 1.1, tilt)
      p.spot('cracks', -9, -4.4, 0.3).spot('spring', -5, -6, 0.2).spot('tilted', -10, -16, 4)
    },
  },
  // The village path up the left slope: houses, the gong, the green sign to the safe place.
  village: {
    look: { muddy: true, riverHalf: 6.5, storm: true, cracks: false, path: true, offset: { x: -22, z: 30 } },
    props(p, look) {
      forest(p, look)
      p.house(9, -2, 0.2).house(14, 10, -0.3).house(-6, 14, 2.6)
      p.gong(2, -5) // beside the path (yaw ≈ 22)
      p.sign(-7, -12, '#2e7d32', '#f5f5f5', 2.2, 2) // the safe-place sign up the path (yaw ≈ -30, up the slope)
      p.tree(16, -14, 1.8) // a big tree at the foot of the slope (yaw ≈ 49)
      p.add(new BoxGeometry(3, 0.3, 30), '#6b5f53', new Vector3(12, p.ground(12, 24), 24)) // the low gully behind-right
      p.spot('gong', 2, -5, 2.4).spot('safe-sign', -7, -12, 3.4).spot('big-tree', 16, -14, 5).spot('gully', 12, 14, 0.6)
    },
  },
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const opt = (flag: string) => {
    const i = args.indexOf(flag)
    return i >= 0 ? args[i + 1] : undefined
  }
  const out = opt('--out') ?? fileURLToPath(new URL('../exhibits/mountain-flood/images/', import.meta.url))
  const width = Number(opt('--width') ?? 2048)
  const only = opt('--only')
  mkdirSync(out, { recursive: true })
  for (const [name, s] of Object.entries(SCENES)) {
    if (only && only !== name) continue
    const t = performance.now()
    const props = new Props(s.look)
    s.props(props, s.look)
    const px = render(s.look, [terrain(s.look), props.mesh()], width)
    const file = join(out, `${name}.jpg`)
    const info = await sharp(px, { raw: { width, height: width / 2, channels: 3 } })
      .jpeg({ quality: 78, mozjpeg: true })
      .toFile(file)
    console.log(`${file}: ${info.width}×${info.height}, ${Math.round(info.size / 1024)} KB, ${Math.round(performance.now() - t)} ms`)
    for (const [spot, at] of props.spots) {
      const d = at.clone().sub(EYE)
      const yaw = (Math.atan2(d.x, -d.z) * 180) / Math.PI
      const pitch = (Math.atan2(d.y, Math.hypot(d.x, d.z)) * 180) / Math.PI
      console.log(`  ${spot}: yaw ${Math.round(yaw)}, pitch ${Math.round(pitch)}`)
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main()
