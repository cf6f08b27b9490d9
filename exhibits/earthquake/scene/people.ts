import { COLORS as C, DESK, DESK_COLS, DESK_ROWS, HALL, OWN_DESK, PLATFORM_H, TEACHER_DESK, ASSEMBLY } from './layout.ts'

/** One simple figure: a capsule body and a sphere head (instanced, one draw call each). */
export interface Figure {
  x: number
  z: number
  /** body centre height and vertical scale */
  bodyY: number
  bodySY: number
  headY: number
  /** overall size (1 = a pupil, ~1.3 = the teacher) */
  s: number
  color: string
}

const UNIFORMS = [C.uniformBlue, C.uniformWhite, C.uniformRed, C.uniformBlue, C.uniformWhite]
/** Desks with a pupil at them (not every seat is taken). */
const TAKEN = (x: number, z: number) => !(x === OWN_DESK.x && z === OWN_DESK.z) && Math.abs(x * 7 + z * 3) % 5 > 0.6

/** The class in the classroom: seated, or taking cover under their desks once the quake starts. */
export function classFigures(ducked: boolean): Figure[] {
  const out: Figure[] = []
  let i = 0
  for (const x of DESK_COLS) {
    for (const z of DESK_ROWS) {
      if (!TAKEN(x, z)) continue
      const color = UNIFORMS[i++ % UNIFORMS.length]!
      out.push(
        ducked
          ? { x, z, bodyY: 0.3, bodySY: 0.5, headY: 0.55, s: 1, color }
          : { x, z: z + DESK.d / 2 + 0.2, bodyY: 0.78, bodySY: 0.85, headY: 1.25, s: 1, color },
      )
    }
  }
  const t = TEACHER_DESK
  out.push(
    ducked
      ? { x: t.x, z: t.z, bodyY: PLATFORM_H + 0.3, bodySY: 0.5, headY: PLATFORM_H + 0.52, s: 1.2, color: C.teacher }
      : { x: t.x + 1.1, z: t.z + 0.4, bodyY: PLATFORM_H + 0.95, bodySY: 1.05, headY: PLATFORM_H + 1.65, s: 1.2, color: C.teacher },
  )
  return out
}

const standing = (x: number, z: number, color: string, floor = 0, s = 1): Figure => ({
  x,
  z,
  bodyY: floor + 0.7 * s,
  bodySY: 1,
  headY: floor + 1.22 * s,
  s,
  color,
})

/** Going down the stairs in a line behind the teacher. */
export function stairwellFigures(): Figure[] {
  const out: Figure[] = [standing(0.75, HALL.top + 0.4, C.teacher, 0, 1.25)]
  for (let i = 0; i < 5; i++) {
    const step = 1 + i * 2
    out.push(standing(-0.35 + (i % 2) * 0.3, HALL.top - (step + 0.5) * HALL.run, UNIFORMS[i % UNIFORMS.length]!, -(step + 1) * HALL.rise))
  }
  return out
}

/** On the playground: walking over from the school, or gathered at the assembly point. */
export function playgroundFigures(gathered: boolean): Figure[] {
  const out: Figure[] = []
  for (let i = 0; i < 9; i++) {
    const color = UNIFORMS[i % UNIFORMS.length]!
    if (gathered) out.push(standing(ASSEMBLY.x - 1.2 + (i % 3) * 1.0, ASSEMBLY.z + 0.9 - Math.floor(i / 3) * 0.9, color))
    else out.push(standing(-3.2 + (i % 2) * 0.6, -14 + i * 1.1, color))
  }
  out.push(gathered ? standing(ASSEMBLY.x + 1.6, ASSEMBLY.z + 0.2, C.teacher, 0, 1.25) : standing(-1.8, -5, C.teacher, 0, 1.25))
  return out
}
