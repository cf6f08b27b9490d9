/**
 * Where everything stands, in metres (the viewer at the origin, eyes 1.6 m up, looking down -z).
 * What the visitor must see or tap stands in two wings, 30–45° left and right of straight ahead:
 * inside ±50° it is in view on every flat screen, and outside ±28° it is not behind the VR run
 * panel (1.3 m wide, 1.25 m ahead, from eye level down), which covers the low middle of the view.
 * The middle holds the backdrop and the 禁止游泳 sign, raised above eye level.
 */
export const POND = { x: 0, z: -4.3, rx: 3.6, rz: 2.0, water: 0.03 } as const

/** The three children in the water at the "spot" step; `quiet` is the one drowning. */
export const SWIM = {
  splash: { x: 2.2, z: -3.6 },
  wave: { x: 3.4, z: -4.4 },
  quiet: { x: -2.5, z: -3.6 },
} as const

export const SIGN = { x: 0.3, z: -6.2, turn: 0 } as const
export const POST = { x: -2.1, z: -2.4, turn: 0.55 } as const
/** A tree stump on the bank where someone left a phone. */
export const STUMP = { x: 1.6, z: -1.9 } as const
export const PHONE = { x: STUMP.x, y: 0.44, z: STUMP.z } as const

/** The adult: on the far bank, running round after the call, then with you and the rescued child. */
export const ADULT = {
  path: { x: 4.2, z: -6.4 },
  running: { x: 4.0, z: -4.0 },
  bank: { x: -0.45, z: -2.15 },
} as const
/** The two friends who invite you to swim (only until you answer them). */
export const FRIENDS = { x: -1.15, z: -2.0 } as const

export const COLORS = {
  skyTop: '#6fb2e8',
  /** summer haze at the horizon: the fog's colour, so the hills fade into the sky */
  haze: '#d6ecf7',
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
