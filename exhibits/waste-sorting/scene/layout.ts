import { BINS, type Bin } from '../items.ts'

/**
 * Where things stand, in metres. The viewer's feet are at the origin, looking down -Z;
 * the floor is y = 0. The whole world sits a little to the left (WORLD_X) so that in flat
 * mode the step panel on the right does not hide the bins; in VR it is a small head turn.
 */
export const WORLD_X = -0.85

/** Community bins are about a metre tall (240 L); a sign in the bin's colour hangs above each. */
export const BIN_Z = -2.7
export const BIN_W = 0.52
export const BIN_H = 0.95
export const BIN_D = 0.55
const GAP = 0.64
export const WALL_Z = -3.1
export const SIGN_Y = 1.72
export const SIGN_SIZE: readonly [number, number] = [0.56, 0.3]
export const BIN_X: Record<Bin, number> = Object.fromEntries(BINS.map((b, i) => [b, (i - 1.5) * GAP])) as Record<Bin, number>

/** The conveyor runs in from the left and stops in front of the bins. */
export const BELT_Z = -1.9
export const BELT_TOP = 0.68
export const BELT_FROM_X = -1.6
export const BELT_TO_X = 0.5
/** Where the current item rests, and the scale it is shown at (real things are small). */
export const ITEM_REST: readonly [number, number, number] = [0, BELT_TOP + 0.01, BELT_Z]
export const ITEM_ENTER_X = -1.4
export const ITEM_SCALE = 2.1

export const BOARD: readonly [number, number, number] = [0, 2.4, WALL_Z + 0.05]

export const COLORS = {
  floor: '#d9d2c3',
  wall: '#eef3e8',
  skirting: '#8fb38a',
  belt: '#3b4045',
  beltFrame: '#9aa3ab',
  leg: '#6c757d',
  board: '#1f4d3a',
  boardFrame: '#c7a76c',
  plate: '#ffffff',
} as const
