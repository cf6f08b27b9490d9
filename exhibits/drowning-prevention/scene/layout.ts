/**
 * Where everything stands, in metres (the viewer at the origin, eyes 1.6 m up, looking down -z).
 * Everything the visitor must see or tap sits 2–5 m ahead within about ±50° of straight ahead, and
 * no lower than about 28° below eye level, so it is in view on every screen shape.
 */
export const POND = { x: 0, z: -4.3, rx: 3.4, rz: 2.3, water: 0.03 } as const

/** The three children in the water at the "spot" step; `quiet` is the one drowning. */
export const SWIM = {
  splash: { x: -1.35, z: -4.4 },
  wave: { x: 0.05, z: -5.0 },
  quiet: { x: 1.35, z: -3.9 },
} as const

export const SIGN = { x: 2.1, z: -2.6, turn: -0.45 } as const
export const POST = { x: -2.0, z: -2.7, turn: 0.4 } as const
export const BENCH = { x: 0.75, z: -2.05 } as const
export const PHONE = { x: 0.75, y: 0.52, z: -2.05 } as const

/** The adult: on the path behind the pond, running over after the call, then at the bank. */
export const ADULT = {
  path: { x: -3.6, z: -6.4 },
  running: { x: -2.9, z: -4.6 },
  bank: { x: 2.4, z: -3.4 },
} as const
export const FRIENDS = { x: -1.55, z: -2.25 } as const

export const COLORS = {
  sky: '#bfe4ff',
  grass: '#7cc35b',
  grassDark: '#5fa845',
  mud: '#a9865a',
  water: '#3b92c4',
  trunk: '#7a5431',
  leaves: '#3f9b3a',
  leavesLight: '#62b84b',
  hill: '#8fc7a0',
  reed: '#6f9e3a',
  wood: '#9a6b3f',
  board: '#ffffff',
  red: '#d32f2f',
  ringOrange: '#ff6d00',
  ringWhite: '#fafafa',
  pole: '#d2bd6b',
  phone: '#263238',
  screen: '#4fc3f7',
  skin: '#f2c28e',
  hair: '#2f2420',
  eye: '#1b1b1b',
  cheek: '#f48a8a',
} as const

/** A point given in a turned object's own frame (turned by `turn` about y, standing at x, z). */
export function placed(at: { x: number; z: number; turn: number }, lx: number, ly: number, lz: number): [number, number, number] {
  const c = Math.cos(at.turn)
  const s = Math.sin(at.turn)
  return [at.x + lx * c + lz * s, ly, at.z - lx * s + lz * c]
}
