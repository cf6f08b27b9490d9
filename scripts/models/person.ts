import { ball, box, cone, cyl, limb, type Piece, type V3 } from './shapes.ts'

/**
 * Abstract, friendly low-poly people: rounded limbs, a round head with hair and two dot eyes,
 * no other features (students are minors: nothing identifiable). A pose is a handful of angles
 * (forward kinematics in the body's side plane); the figure faces +z and stands on y = 0.
 */
export interface Outfit {
  skin: string
  hair: string
  top: string
  sleeves: string
  trousers: string
  shoes: string
  /** the Young Pioneers' red scarf (primary school pupils) */
  scarf?: boolean
  ponytail?: boolean
  bun?: boolean
  /** a high-visibility vest over the top (the guide) */
  vest?: { color: string; bands: string }
  cap?: string
}

/** Angles in degrees from straight down, forward (+z) positive; `lean` and `nod` from upright. */
export interface Pose {
  pelvisY: number
  lean: number
  nod?: number
  /** [thigh, shin] */
  legL: readonly [number, number]
  legR: readonly [number, number]
  /** [upper arm, forearm, wrist moved towards the middle in metres] */
  armL: readonly [number, number, number]
  armR: readonly [number, number, number]
  /** drop the figure until its lowest point touches the floor (off for sitting on a chair) */
  ground?: boolean
  /** a flag held upright in the right hand */
  flag?: { pole: string; cloth: string }
}

/** A pupil's body: a big head and sturdy limbs read as a child (and as friendly) at any distance. */
const CHILD = { thigh: 0.29, shin: 0.27, torso: 0.36, upper: 0.19, fore: 0.18, hip: 0.08, shoulder: 0.15, head: 0.135, body: 0.14, legR: 0.066, armR: 0.05 }

const rad = (deg: number) => (deg * Math.PI) / 180
const down = (deg: number, len: number): V3 => [0, -Math.cos(rad(deg)) * len, Math.sin(rad(deg)) * len]
const add = (a: V3, b: V3): V3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]]
const scaleV = (a: V3, k: number): V3 => [a[0] * k, a[1] * k, a[2] * k]

/** One person; `size` 1 = a pupil of about 1.35 m, 1.2 = an adult of about 1.65 m. */
export function person(pose: Pose, o: Outfit, size = 1): Piece[] {
  // adults: a relatively smaller head and longer legs than a pupil scaled up
  const adultLegs = size > 1 ? 1.12 : 1
  const d = Object.fromEntries(
    Object.entries(CHILD).map(([k, v]) => [k, k === 'head' ? v * (1 + (size - 1) * 0.3) : k === 'thigh' || k === 'shin' ? v * size * adultLegs : v * size]),
  ) as typeof CHILD
  const pelvis: V3 = [0, pose.pelvisY, 0]
  const up = (deg: number, len: number): V3 => [0, Math.cos(rad(deg)) * len, Math.sin(rad(deg)) * len]
  const neck = add(pelvis, up(pose.lean, d.torso))
  const pieces: Piece[] = []
  // legs
  for (const [side, [thigh, shin]] of [
    [1, pose.legL],
    [-1, pose.legR],
  ] as const) {
    const hip = add(pelvis, [side * d.hip, 0, 0])
    const knee = add(hip, down(thigh, d.thigh))
    const ankle = add(knee, down(shin, d.shin))
    pieces.push(limb(hip, knee, d.legR, o.trousers), limb(knee, ankle, d.legR * 0.9, o.trousers))
    pieces.push(box([0.085 * size, 0.06 * size, 0.17 * size], add(ankle, scaleV(down(shin + 90, 0.045), size)), o.shoes, [-rad(shin), 0, 0]))
  }
  // body: hips, torso, neck
  pieces.push(ball(d.body * 1.02, add(pelvis, up(pose.lean, 0.04)), o.trousers, undefined, 10))
  pieces.push(limb(add(pelvis, up(pose.lean, 0.08)), add(neck, up(pose.lean, -0.1)), d.body, o.vest ? o.sleeves : o.top, 10))
  if (o.vest) {
    pieces.push(limb(add(pelvis, up(pose.lean, 0.06)), add(neck, up(pose.lean, -0.13)), d.body + 0.012, o.vest.color, 10))
    // reflective bands: flat rings around the vest
    for (const t of [0.14, 0.24]) pieces.push(cyl(d.body + 0.016, 0.028, add(pelvis, up(pose.lean, t * size)), o.vest.bands, [rad(pose.lean), 0, 0], 14))
  }
  pieces.push(limb(neck, add(neck, up(pose.lean + (pose.nod ?? 0), 0.06)), 0.045 * size, o.skin, 6))
  // arms from the shoulders
  for (const [side, [upper, fore, inward]] of [
    [1, pose.armL],
    [-1, pose.armR],
  ] as const) {
    const shoulder = add(add(neck, up(pose.lean, -0.06 * size)), [side * d.shoulder, 0, 0])
    const elbow = add(shoulder, down(upper, d.upper))
    const wrist = add(add(elbow, down(fore, d.fore)), [-side * inward, 0, 0])
    pieces.push(ball(d.armR * 1.35, shoulder, o.sleeves, undefined, 8))
    pieces.push(limb(shoulder, elbow, d.armR, o.sleeves), limb(elbow, wrist, d.armR * 0.92, o.sleeves))
    pieces.push(ball(0.034 * size, add(wrist, scaleV(down(fore, 0.03), size)), o.skin, undefined, 8))
    if (side === -1 && pose.flag) {
      pieces.push(cyl(0.012, 1.0 * size, add(wrist, [0, 0.3 * size, 0]), pose.flag.pole, undefined, 6))
      pieces.push(box([0.36 * size, 0.26 * size, 0.02], add(wrist, [-0.19 * size, 0.66 * size, 0]), pose.flag.cloth))
    }
  }
  if (o.scarf) {
    const chest = add(neck, up(pose.lean, -0.07))
    const front: V3 = [0, -Math.sin(rad(pose.lean)), Math.cos(rad(pose.lean))]
    pieces.push(cone(0.05 * size, 0.13 * size, add(chest, scaleV(front, d.body * 0.95)), '#d42a2a', [rad(pose.lean) + Math.PI, 0, 0], 4))
    pieces.push(ball(0.026 * size, add(add(chest, [0, 0.03, 0]), scaleV(front, d.body * 0.98)), '#d42a2a', undefined, 6))
  }
  // head: skin, hair cap behind and above, two dot eyes
  const a = pose.lean + (pose.nod ?? 0)
  const hUp: V3 = [0, Math.cos(rad(a)), Math.sin(rad(a))]
  const hFwd: V3 = [0, -Math.sin(rad(a)), Math.cos(rad(a))]
  const head = add(neck, scaleV(hUp, d.head + 0.05 * size))
  const rot: V3 = [rad(a), 0, 0]
  pieces.push(ball(d.head, head, o.skin, undefined, 14))
  pieces.push({ ...ball(d.head * 1.07, add(add(head, scaleV(hUp, 0.022)), scaleV(hFwd, -0.03)), o.hair, [1, 0.92, 1], 14) })
  for (const s of [1, -1])
    pieces.push(ball(0.014 * (1 + (size - 1) * 0.3), add(add(head, scaleV(hFwd, d.head * 0.93)), [s * 0.042, 0, 0]), '#2b2420', undefined, 6))
  if (o.ponytail) pieces.push(ball(0.055, add(add(head, scaleV(hFwd, -d.head * 1.2 - 0.04)), scaleV(hUp, -0.04)), o.hair, [0.85, 1.3, 0.85], 8))
  if (o.bun) pieces.push(ball(0.06, add(add(head, scaleV(hFwd, -d.head * 1.0 - 0.02)), scaleV(hUp, d.head * 0.15)), o.hair, undefined, 8))
  if (o.cap) {
    pieces.push(ball(d.head * 1.1, add(head, scaleV(hUp, 0.035)), o.cap, [1, 0.7, 1], 12))
    pieces.push(box([0.17, 0.014, 0.1], add(add(head, scaleV(hUp, 0.055)), scaleV(hFwd, d.head + 0.02)), o.cap, rot))
  }
  if (pose.ground !== false) {
    const low = Math.min(...pieces.map((p) => (p.geo.computeBoundingBox(), p.geo.boundingBox!.min.y)))
    for (const p of pieces) p.geo.translate(0, -low, 0)
  }
  return pieces
}
