import { mergeParts, type Part } from '@sophora/sdk'
import { CapsuleGeometry, SphereGeometry, TorusGeometry, type BufferGeometry } from 'three'
import { COLORS as C } from './layout.ts'

/** A person's look: clothes and hair; no names, no faces of anyone real. */
export interface Look {
  shirt: string
  shorts: string
  /** a swim cap or hair colour */
  cap?: string
}

const capsule = (r: number, len: number) => new CapsuleGeometry(r, len, 4, 10)

/** Round head with hair (or a cap), two dot eyes and pink cheeks, facing +z; centre at (x, y, z). */
function headParts(x: number, y: number, z: number, r: number, hair: string): Part[] {
  return [
    { geo: new SphereGeometry(r, 18, 14).translate(x, y, z), color: C.skin },
    { geo: new SphereGeometry(r * 1.06, 18, 8, 0, Math.PI * 2, 0, Math.PI * 0.45).rotateX(-0.25).translate(x, y + r * 0.08, z - r * 0.04), color: hair },
    { geo: new SphereGeometry(r * 0.13, 8, 6).translate(x - r * 0.36, y + r * 0.12, z + r * 0.9), color: C.eye },
    { geo: new SphereGeometry(r * 0.13, 8, 6).translate(x + r * 0.36, y + r * 0.12, z + r * 0.9), color: C.eye },
    { geo: new SphereGeometry(r * 0.14, 8, 6).scale(1, 0.6, 0.5).translate(x - r * 0.58, y - r * 0.22, z + r * 0.78), color: C.cheek },
    { geo: new SphereGeometry(r * 0.14, 8, 6).scale(1, 0.6, 0.5).translate(x + r * 0.58, y - r * 0.22, z + r * 0.78), color: C.cheek },
  ]
}

/**
 * A standing cartoon person with feet at (x, 0, z), facing the viewer; `s` 1 is a child of about
 * 1.3 m, 1.3 an adult. `arm`: 'down', or 'up' (one hand raised: waving someone over).
 */
export function personParts(x: number, z: number, look: Look, s = 1, arm: 'down' | 'up' = 'down'): Part[] {
  const armUp = capsule(0.045 * s, 0.34 * s)
    .rotateZ(-2.5)
    .translate(x + 0.3 * s, 1.02 * s, z)
  const armDown = capsule(0.045 * s, 0.34 * s)
    .rotateZ(0.12)
    .translate(x + 0.22 * s, 0.72 * s, z)
  return [
    { geo: capsule(0.06 * s, 0.32 * s).translate(x - 0.075 * s, 0.24 * s, z), color: C.skin },
    { geo: capsule(0.06 * s, 0.32 * s).translate(x + 0.075 * s, 0.24 * s, z), color: C.skin },
    {
      geo: capsule(0.15 * s, 0.14 * s)
        .scale(1, 1, 0.8)
        .translate(x, 0.48 * s, z),
      color: look.shorts,
    },
    {
      geo: capsule(0.16 * s, 0.26 * s)
        .scale(1, 1, 0.75)
        .translate(x, 0.74 * s, z),
      color: look.shirt,
    },
    {
      geo: capsule(0.045 * s, 0.34 * s)
        .rotateZ(-0.12)
        .translate(x - 0.22 * s, 0.72 * s, z),
      color: C.skin,
    },
    { geo: arm === 'up' ? armUp : armDown, color: C.skin },
    ...headParts(x, 1.14 * s, z, 0.15 * s, look.cap ?? C.hair),
  ]
}

/** One mesh for a standing person (or several: pass more parts lists). */
export const mergePeople = (...people: Part[][]): BufferGeometry => mergeParts(people.flat())

/**
 * A child in the water, seen from the head and shoulders up; origin at the waterline below the
 * head. `extra` adds pieces that move with them (splashes, arms held out at the surface).
 */
export function swimmerHead(look: Look, headY: number, extra: Part[] = []): BufferGeometry {
  return mergeParts([
    {
      geo: capsule(0.15, 0.1)
        .scale(1, 0.8, 0.7)
        .translate(0, headY - 0.26, 0),
      color: look.shirt,
    },
    ...headParts(0, headY, 0, 0.15, look.cap ?? C.hair),
    ...extra,
  ])
}

/**
 * Both arms held straight out at the sides at the surface, pressing down on the water, with a faint
 * ripple ring around them: no splash, no wave, which is what makes real drowning easy to miss.
 */
export const armsOut = (y: number): Part[] => [
  ...[-1, 1].map((side) => ({
    geo: capsule(0.045, 0.3)
      .rotateZ(Math.PI / 2 + side * 0.12)
      .translate(side * 0.36, y, 0.02),
    color: C.skin,
  })),
  { geo: new TorusGeometry(0.5, 0.012, 4, 32).rotateX(Math.PI / 2).translate(0, y + 0.01, 0), color: '#d6eefa' },
]

/** An arm hanging from a shoulder pivot at the origin, pointing down (-y): rotate it about z to raise it. */
export const armGeometry = (): BufferGeometry => mergeParts([{ geo: capsule(0.045, 0.3).translate(0, -0.19, 0), color: C.skin }])
