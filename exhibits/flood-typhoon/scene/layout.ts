/**
 * Where things stand, in metres. The viewer's feet are at the origin, looking down -Z
 * (the platform's rig convention for flat and VR); the near pavement's top is y = 0.
 */

/** Street: near pavement z 4..-3.5, road z -3.5..-10.5 (top y = ROAD_Y), far pavement to -13. */
export const ROAD = { near: -3.5, far: -10.5, y: -0.15 } as const
export const FAR_KERB = -13
export const HOME_FRONT = -13.5

export const BOARD = { x: -1.9, y: 2.0, z: -3.1, rotY: 0.25, w: 2.0, h: 1.4 } as const
export const BILLBOARD = { x: 4.3, z: -11.9, y: 4.4 } as const
export const FOOTBRIDGE = { x: 7.4, y: 4.8 } as const
export const WHIRLPOOL = { x: 1.4, z: -6.6 } as const
export const POLE = { x: -4.6, z: -11.6, top: 6.8 } as const
/** where the snapped wire lies in the water */
export const WIRE_END = { x: -2.2, z: -8.4 } as const
export const TREES: ReadonlyArray<readonly [number, number, number]> = [
  [-7.2, -2.8, 1.1],
  [-9.5, -12, 1.3],
  [11.8, -12.2, 1.2],
  [-12.5, -2.6, 1.2],
]

/** Home: one room, x -3..3, z 2..-4.5. */
export const ROOM = { hw: 3, back: -4.5, front: 2, h: 2.9 } as const
export const WINDOW = { x0: -0.6, x1: 1.3, y0: 0.95, y1: 2.25 } as const
export const SWITCH_BOX: [number, number, number] = [-2.93, 1.7, -3.75]
export const TV: [number, number, number] = [-1.95, 1.3, -4.38]
export const HOME_DOOR = { z: -2.1 } as const
export const STRIP: [number, number, number] = [-0.7, 0.03, -2.4]

/** The rain haze in the street: its colour is the sky's at the horizon, so the far end fades into it. */
export const FOG_STREET = '#8a939c'

export const COLORS = {
  pavement: '#8d8b86',
  kerb: '#b8b4aa',
  road: '#3e4246',
  lane: '#d9d6cc',
  grass: '#4f6b3c',
  flood: '#6f6a4f',
  floodIndoor: '#8a8a6a',
  foam: '#d8d6c4',
  skyStorm: '#5b6570',
  skyCalm: '#8fc3ea',
  homeBuilding: '#d9c9a8',
  // a tiled block in a warm mid tone: the pale blue-grey it had (#9fa9b3) took the storm sky's tone at the horizon
  buildingA: '#93705f',
  buildingB: '#c7b8a4',
  windowDark: '#2f3a46',
  windowLit: '#e9d58f',
  steps: '#c9c2b4',
  door: '#6b4a33',
  steel: '#8e979f',
  steelDark: '#5a6169',
  pole: '#7c756b',
  transformer: '#6f8a7a',
  wire: '#1a1a1a',
  spark: '#fff2a8',
  trunk: '#5b4330',
  crown: '#3d6b35',
  billboard: '#2b8fd6',
  billboardBack: '#e9eef2',
  rain: '#cfe3f2',
  screen: '#121820',
  wall: '#ece4d4',
  floor: '#b08a5f',
  ceiling: '#f4f1ea',
  skirting: '#8a6a4a',
  cabinet: '#7a5a40',
  tvScreen: '#0d1a2c',
  switchBox: '#d7d9d4',
  lever: '#c81e1e',
  lamp: '#fff6d8',
  stairs: '#a07850',
  warnRed: '#c81e1e',
  warnYellow: '#ffd23f',
} as const
