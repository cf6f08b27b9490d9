import { DESK, DESK_COLS, DESK_ROWS, HALL, OWN_DESK, PLATFORM_H, TEACHER_DESK, ASSEMBLY } from './layout.ts'

/** The figures in assets/models/classroom-people.glb (scripts/models/kit-people.ts), by node name. */
export type FigureKind =
  | 'pupil-sit-a'
  | 'pupil-sit-b'
  | 'pupil-duck-a'
  | 'pupil-duck-b'
  | 'pupil-stand-a'
  | 'pupil-stand-b'
  | 'pupil-walk-a'
  | 'pupil-walk-b'
  | 'teacher-stand'
  | 'teacher-walk'
  | 'teacher-duck'

/** The highest point of each figure above its feet (metres), as modelled; a unit test checks the file. */
export const FIGURE_TOP: Record<FigureKind, number> = {
  'pupil-sit-a': 1.26,
  'pupil-sit-b': 1.26,
  'pupil-duck-a': 0.59,
  'pupil-duck-b': 0.7,
  'pupil-stand-a': 1.32,
  'pupil-stand-b': 1.32,
  'pupil-walk-a': 1.28,
  'pupil-walk-b': 1.28,
  'teacher-stand': 1.62,
  'teacher-walk': 1.58,
  'teacher-duck': 0.68,
}

/** One person placed in the world: the figure faces +z before `yaw` turns it. */
export interface Figure {
  kind: FigureKind
  x: number
  /** the floor under the figure */
  y: number
  z: number
  yaw: number
}

/** Desks with a pupil at them (not every seat is taken). */
const TAKEN = (x: number, z: number) => !(x === OWN_DESK.x && z === OWN_DESK.z) && Math.abs(x * 7 + z * 3) % 5 > 0.6
/** A small, fixed turn for each person, so a class does not look cloned. */
const jitter = (i: number) => (((i * 37) % 11) - 5) * 0.03
const look = (i: number): 'a' | 'b' => (i % 3 === 1 ? 'b' : 'a')

/** Facing the blackboard (−z). */
const FRONT = Math.PI

/** The class in the classroom: seated, or taking cover under their desks once the quake starts. */
export function classFigures(ducked: boolean): Figure[] {
  const out: Figure[] = []
  let i = 0
  for (const x of DESK_COLS) {
    for (const z of DESK_ROWS) {
      if (!TAKEN(x, z)) continue
      const l = look(i)
      // seated on the chair behind the desk; ducked: kneeling, head under the desk top
      out.push(
        ducked
          ? { kind: `pupil-duck-${l}`, x, y: 0, z: z + 0.5, yaw: FRONT + jitter(i) * 0.5 }
          : { kind: `pupil-sit-${l}`, x, y: 0, z: z + DESK.d / 2 + 0.2, yaw: FRONT + jitter(i) },
      )
      i++
    }
  }
  const t = TEACHER_DESK
  out.push(
    ducked
      ? { kind: 'teacher-duck', x: t.x, y: PLATFORM_H, z: t.z - 0.39, yaw: 0 }
      : { kind: 'teacher-stand', x: t.x + 1.1, y: PLATFORM_H, z: t.z + 0.4, yaw: -0.25 },
  )
  return out
}

/** Going down the stairs in a line behind the teacher: all mid-stride (the class is moving). */
export function stairwellFigures(): Figure[] {
  const out: Figure[] = [{ kind: 'teacher-walk', x: 0.75, y: 0, z: HALL.top + 0.4, yaw: FRONT - 0.4 }]
  for (let i = 0; i < 5; i++) {
    const step = 1 + i * 2
    out.push({
      kind: `pupil-walk-${look(i)}`,
      x: -0.35 + (i % 2) * 0.3,
      y: -(step + 1) * HALL.rise,
      z: HALL.top - (step + 0.5) * HALL.run,
      yaw: FRONT + jitter(i),
    })
  }
  return out
}

/** On the playground: walking over from the school (mid-stride), or standing at the assembly point. */
export function playgroundFigures(gathered: boolean): Figure[] {
  const out: Figure[] = []
  for (let i = 0; i < 9; i++) {
    const kind = gathered ? (`pupil-stand-${look(i)}` as const) : (`pupil-walk-${look(i)}` as const)
    if (gathered) out.push({ kind, x: ASSEMBLY.x - 1.2 + (i % 3) * 1.0, y: 0, z: ASSEMBLY.z + 0.9 - Math.floor(i / 3) * 0.9, yaw: jitter(i) })
    else out.push({ kind, x: -3.2 + (i % 2) * 0.6, y: 0, z: -14 + i * 1.1, yaw: jitter(i) })
  }
  out.push(
    gathered ? { kind: 'teacher-stand', x: ASSEMBLY.x + 1.6, y: 0, z: ASSEMBLY.z + 0.2, yaw: -0.6 } : { kind: 'teacher-walk', x: -1.8, y: 0, z: -5, yaw: 0.3 },
  )
  return out
}
