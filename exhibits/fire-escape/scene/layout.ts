/**
 * Where things stand, in metres. The viewer's feet are at the origin, looking down -Z
 * (the platform's rig convention for flat and VR); the floor is y = 0.
 */
export const HALF_W = 1.6
export const CEILING = 3
export const Z_NEAR = 2
export const Z_FAR = -17

export const HOT_DOOR = { x: -HALF_W, z: -2.8 }
/**
 * On the right wall 2.5 m ahead: from where the student stands at the "cloth" step (0.8 m
 * walked) it is ~42° right of straight ahead, inside the flat view at every station size (the
 * narrowest keeps ±51° across); at -1.7 m it was ~60° right, out of view.
 */
export const TOWEL_HOOK: [number, number, number] = [HALF_W - 0.07, 1.15, -2.5]
export const ALARM_BELL: [number, number, number] = [HALF_W - 0.06, 2.2, -2.2]
export const STAIR_DOOR = { x: HALF_W, z: -6.3 }
export const LIFT = { x: -HALF_W, z: -6.3 }
export const FIRE_Z = -16.2
/** z of the small green evacuation signs low on the walls (GB 50016: below 1 m). */
export const LOW_SIGNS_Z = [-1, -2.2, -3.6, -4.8] as const

export const ASSEMBLY = { x: 2.5, z: -6 }
export const BUILDING_DOOR: [number, number, number] = [-6, 1.2, -18.9]

export const COLORS = {
  floor: '#878176',
  ceiling: '#d3cec4',
  wall: '#e6dfcf',
  wainscot: '#86a98f',
  scorched: '#4a3a30',
  lightPanel: '#fffbe8',
  doorWood: '#8a5a3c',
  frame: '#5c4333',
  steel: '#9aa3ab',
  steelDark: '#6c757d',
  // safety green dark enough for white text on it at 5.2:1 (WCAG AA; the former #12a150 gave 3.4:1)
  exitGreen: '#0a7d3c',
  warnRed: '#c81e1e',
  towel: '#5f9fd6',
  towelWet: '#2f6fa8',
  grass: '#6aa84f',
  path: '#c9c1ae',
  building: '#d8cfc0',
  windowDark: '#3d4b5c',
  fireOrange: '#ff7a1a',
  sky: '#a9d6f2',
} as const
