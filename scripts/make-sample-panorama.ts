/**
 * npm run make:sample-panorama [-- --out <folder>] [--width 2048]
 *
 * Remakes the two sample 360° panoramas of the panorama template (scripts/templates/panorama/
 * images/room.jpg and yard.jpg): no photo is downloaded, the pictures are a simple three.js scene
 * rendered here. A GPU-less Node has no WebGL, so instead of a CubeCamera and a cube-to-
 * equirectangular pass, every pixel casts one ray (three's Raycaster) in the direction that pixel
 * stands for in an equirectangular image — the same projection, computed directly:
 *   column u (0..1) → yaw = (u - 0.5) × 360°   (0 = straight ahead, + = right)
 *   row    v (0..1) → pitch = (0.5 - v) × 180° (+ = up)
 * from the viewer's eye at (0, 1.6, 0). So an object placed at yaw/pitch here appears at the same
 * yaw/pitch in the exhibit, which is how the template's hotspots sit on the objects.
 * Deterministic: the same command makes the same pixels. sharp writes the JPEGs.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'
import {
  BoxGeometry,
  Color,
  ColorManagement,
  Mesh,
  MeshBasicMaterial,
  PlaneGeometry,
  Raycaster,
  Scene,
  SphereGeometry,
  Vector3,
  type Intersection,
} from 'three'

// the colours below are the sRGB values written to the JPEG, as a paint program would take them
ColorManagement.enabled = false

const EYE = new Vector3(0, 1.6, 0)
const rad = (d: number) => (d * Math.PI) / 180
/** The unit direction of yaw/pitch in degrees (the exhibit's convention, see src/scene/panorama/direction.ts). */
export function direction(yaw: number, pitch: number, out = new Vector3()): Vector3 {
  return out.set(Math.sin(rad(yaw)) * Math.cos(rad(pitch)), Math.sin(rad(pitch)), -Math.cos(rad(yaw)) * Math.cos(rad(pitch)))
}

/** Something standing `dist` metres from the eye towards yaw, with its centre at height y. */
function place(mesh: Mesh, yaw: number, dist: number, y: number): Mesh {
  const d = direction(yaw, 0)
  mesh.position.set(d.x * dist, y, d.z * dist)
  mesh.lookAt(EYE.x, y, EYE.z)
  return mesh
}
const box = (w: number, h: number, d: number, color: string) => new Mesh(new BoxGeometry(w, h, d), new MeshBasicMaterial({ color }))

/** The room: a green box ahead-left, a red ball ahead-right, a blue sign ahead, a door on the right. */
function room(): Scene {
  const s = new Scene()
  s.add(new Mesh(new PlaneGeometry(12, 12).rotateX(-Math.PI / 2), new MeshBasicMaterial({ color: '#c9b79c' })))
  s.add(new Mesh(new PlaneGeometry(12, 12).rotateX(Math.PI / 2).translate(0, 3.2, 0), new MeshBasicMaterial({ color: '#f4f1ea' })))
  for (const [yaw, w] of [
    [0, 12],
    [90, 12],
    [180, 12],
    [-90, 12],
  ] as const)
    s.add(place(box(w, 3.2, 0.1, '#e8e2d6'), yaw, 6, 1.6))
  s.add(place(box(1.6, 0.8, 0.8, '#8d6e63'), 0, 3, 0.4)) // table
  s.add(place(box(0.6, 0.6, 0.6, '#2e9d4a'), -20, 2.9, 1.1)) // green box
  s.add(place(new Mesh(new SphereGeometry(0.3, 24, 16), new MeshBasicMaterial({ color: '#d63a2f' })), 25, 3.2, 1.1)) // red ball
  s.add(place(box(1.6, 0.9, 0.05, '#1f6f8b'), 0, 5.9, 2.45)) // sign board
  s.add(place(box(1.1, 2.2, 0.05, '#6d4c41'), 90, 5.9, 1.1)) // door
  return s
}

/** The yard: grass, a path, trees, and the door back into the room behind the viewer. */
function yard(): Scene {
  const s = new Scene()
  s.add(new Mesh(new PlaneGeometry(80, 80).rotateX(-Math.PI / 2), new MeshBasicMaterial({ color: '#7cb342' })))
  s.add(new Mesh(new PlaneGeometry(1.2, 40).rotateX(-Math.PI / 2).translate(0, 0.01, -21.5), new MeshBasicMaterial({ color: '#bcaaa4' })))
  for (let i = 0; i < 10; i++) {
    const yaw = -150 + i * 33
    s.add(place(box(0.3, 2, 0.3, '#6d4c41'), yaw, 9 + (i % 3) * 3, 1))
    s.add(place(new Mesh(new SphereGeometry(1.2, 16, 12), new MeshBasicMaterial({ color: '#2e7d32' })), yaw, 9 + (i % 3) * 3, 2.8))
  }
  s.add(place(box(3, 3, 0.2, '#e8e2d6'), 180, 4, 1.5)) // the room's wall
  s.add(place(box(1.1, 2.2, 0.05, '#6d4c41'), 180, 3.85, 1.1)) // its door
  return s
}

const sun = new Vector3(0.4, 0.8, 0.3).normalize()
const sky = (pitch: number, c: Color) => c.setRGB(0.55 + 0.2 * (1 - pitch / 90), 0.75 + 0.1 * (1 - pitch / 90), 0.95)

/** Render `scene` as a width × width/2 equirectangular RGB image. */
export function renderEquirect(scene: Scene, width: number): Buffer {
  const height = width / 2
  scene.updateMatrixWorld(true)
  const ray = new Raycaster()
  const dir = new Vector3()
  const c = new Color()
  const hits: Intersection[] = []
  const px = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y++) {
    const pitch = (0.5 - (y + 0.5) / height) * 180
    for (let x = 0; x < width; x++) {
      const yaw = ((x + 0.5) / width - 0.5) * 360
      ray.set(EYE, direction(yaw, pitch, dir))
      hits.length = 0
      ray.intersectObjects(scene.children, false, hits)
      const hit = hits[0]
      if (!hit) sky(Math.max(pitch, 0), c)
      else {
        c.copy((hit.object as Mesh<BoxGeometry, MeshBasicMaterial>).material.color)
        const n = hit.face?.normal.clone().transformDirection(hit.object.matrixWorld)
        // flat shading and a faint floor grid, so looking around shows depth and motion
        const light = n ? 0.55 + 0.45 * Math.abs(n.dot(sun)) : 1
        const grid = hit.point.y < 0.02 && (Math.abs(hit.point.x % 1) < 0.02 || Math.abs(hit.point.z % 1) < 0.02) ? 0.85 : 1
        c.multiplyScalar(light * grid)
      }
      const i = (y * width + x) * 3
      px[i] = Math.round(Math.min(1, c.r) * 255)
      px[i + 1] = Math.round(Math.min(1, c.g) * 255)
      px[i + 2] = Math.round(Math.min(1, c.b) * 255)
    }
  }
  return px
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const opt = (flag: string) => {
    const i = args.indexOf(flag)
    return i >= 0 ? args[i + 1] : undefined
  }
  const out = opt('--out') ?? fileURLToPath(new URL('./templates/panorama/images/', import.meta.url))
  const width = Number(opt('--width') ?? 2048)
  mkdirSync(out, { recursive: true })
  for (const [name, make] of [
    ['room', room],
    ['yard', yard],
  ] as const) {
    const t = performance.now()
    const px = renderEquirect(make(), width)
    const file = join(out, `${name}.jpg`)
    const info = await sharp(px, { raw: { width, height: width / 2, channels: 3 } })
      .jpeg({ quality: 80, mozjpeg: true })
      .toFile(file)
    console.log(`${file}: ${info.width}×${info.height}, ${Math.round(info.size / 1024)} KB, ${Math.round(performance.now() - t)} ms`)
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main()
