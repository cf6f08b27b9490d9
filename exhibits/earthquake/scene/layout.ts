/**
 * Where things stand, in metres. The viewer's feet are at the origin, looking down -Z
 * (the platform's rig convention for flat and VR); the floor is y = 0. Each place
 * (classroom, stairwell landing, playground, rubble) is authored around the viewer and
 * only one is visible at a time.
 */
export type Vec3 = readonly [number, number, number]

export const ROOM = { halfW: 4.5, back: 2.5, front: -7.5, ceiling: 3.2 } as const

/** A school desk: top 1.0 × 0.55 m at 0.76 m, four legs. */
export const DESK = { w: 1.0, d: 0.55, h: 0.76, top: 0.04, leg: 0.045 } as const
export const DESK_COLS = [-3, -1.5, 0, 1.5, 3] as const
export const DESK_ROWS = [-1.5, -2.85, -4.2, -5.55] as const
/** The student's own desk, right in front of them (far enough to be in view when standing). */
export const OWN_DESK = { x: 0, z: -1.5 } as const
/** The teacher's desk stands on the platform; it is a table the teacher takes cover under too. */
export const PLATFORM_H = 0.15
export const TEACHER_DESK = { x: -1.6, z: -6.55, w: 1.4, d: 0.65, h: 0.8 } as const

/** Under the desk: the world rises (eye at ~0.65 m) and comes closer; the camera never moves. */
export const UNDER_DESK = { rise: 0.95, forward: -OWN_DESK.z - 0.25 } as const
/** In the rubble the viewer is sitting: the world rises a little. */
export const SITTING_RISE = 0.55

/** The early-warning loudspeaker, high on the front wall, left of the blackboard (the choice panel covers the right). */
export const SPEAKER = { x: -2.9, y: 2.65, z: ROOM.front + 0.1 } as const

export const BOOKCASE = { x: ROOM.halfW - 0.22, z: -3, w: 1.4, h: 2.1, d: 0.4 } as const
export const SHELVES_Y = [0.45, 1.03, 1.43, 1.83] as const
export const DOOR = { x: ROOM.halfW, z: -6.4, w: 1.0, h: 2.1 } as const
export const WINDOWS_Z = [-1.2, -3.9, -6.3] as const
export const LAMPS: ReadonlyArray<Vec3> = [
  [-2.2, ROOM.ceiling, -1.6],
  [0, ROOM.ceiling, -1.6],
  [2.2, ROOM.ceiling, -1.6],
  [-2.2, ROOM.ceiling, -4.6],
  [0, ROOM.ceiling, -4.6],
  [2.2, ROOM.ceiling, -4.6],
]
export const LAMP_CORD = 0.55
/** Ceiling tiles that come down (the holes they leave are part of the shell). */
export const TILES: ReadonlyArray<Vec3> = [
  [-2.25, ROOM.ceiling, -3.5],
  [0.75, ROOM.ceiling, -3.9],
]

/** Stairwell landing (evacuate). */
export const HALL = { halfW: 1.6, near: 2, top: -3.0, steps: 10, rise: 0.16, run: 0.3, ceiling: 3 } as const
export const LIFT = { x: -HALL.halfW, z: -1.9 } as const

/** Playground (open-area, quiz, result). */
export const ASSEMBLY = { x: -0.4, z: -6.5 } as const
export const SCHOOL_DOOR: Vec3 = [-7, 1.2, -17.95]
export const POLE = { x: 6.2, z: -9 } as const
export const WALL_X = 8.5

/** Rubble pocket (trapped). */
export const PIPE = { y: 0.8, z: -0.75, halfLen: 1.3, r: 0.045 } as const

export const COLORS = {
  floor: '#b59a74',
  ceiling: '#eeeae2',
  hole: '#3b3833',
  wall: '#f1ecdf',
  hallWall: '#dfe7dc',
  wainscot: '#7fa7c9',
  blackboard: '#2f4f3e',
  chalkTray: '#8a7a66',
  deskTop: '#d9b77e',
  deskLeg: '#5f7b8a',
  chair: '#5f7b8a',
  wood: '#9a6a42',
  bookcase: '#8d6240',
  glass: '#a9d3ee',
  frame: '#d6d9dc',
  lamp: '#fffbea',
  cord: '#444444',
  skin: '#e8b894',
  uniformBlue: '#2f5fb3',
  uniformWhite: '#f5f5f5',
  uniformRed: '#c0392b',
  teacher: '#6a4c3b',
  steel: '#9aa3ab',
  steelDark: '#6c757d',
  // safety green dark enough for white text on it at 5.2:1 (WCAG AA; the former #12a150 gave 3.4:1)
  exitGreen: '#0a7d3c',
  warnRed: '#c81e1e',
  grass: '#6aa84f',
  track: '#b5523b',
  building: '#e3d7c3',
  windowDark: '#3d4b5c',
  concrete: '#8b8782',
  concreteDark: '#5b5753',
  pipe: '#9fb2bd',
  sky: '#a9d6f2',
  dust: '#c9bfae',
} as const
