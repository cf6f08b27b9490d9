import { person, type Outfit, type Pose } from './person.ts'
import type { Piece } from './shapes.ts'

/** The school uniform (blue and white track suit) with the red scarf; two hair styles. */
const PUPIL_A: Outfit = { skin: '#e8b894', hair: '#2a211c', top: '#f2f4f7', sleeves: '#2f5fb3', trousers: '#2f5fb3', shoes: '#3b3f4a', scarf: true }
const PUPIL_B: Outfit = { ...PUPIL_A, skin: '#dda47e', hair: '#3a2a22', ponytail: true }
const TEACHER: Outfit = { skin: '#e3b08c', hair: '#231b17', top: '#7a5a44', sleeves: '#7a5a44', trousers: '#3d4250', shoes: '#2a2a2a', bun: true }
const GUIDE: Outfit = {
  skin: '#dcaa86',
  hair: '#231b17',
  top: '#2f6fa8',
  sleeves: '#2f6fa8',
  trousers: '#343a46',
  shoes: '#2a2a2a',
  vest: { color: '#ff7a1a', bands: '#e8ecef' },
  cap: '#ff7a1a',
}

/** On a chair (seat 0.455 m), forearms on the desk in front. */
const SIT: Pose = { pelvisY: 0.56, lean: 8, nod: 6, legL: [88, 2], legR: [84, -4], armL: [34, 100, 0.06], armR: [38, 96, 0.05], ground: false }
/** Drop, cover, hold on: kneeling, curled up, one arm over the neck, one hand on the desk leg. */
const DUCK: Pose = { pelvisY: 0.3, lean: 74, nod: 14, legL: [48, -92], legR: [42, -95], armL: [105, -80, 0.15], armR: [118, 92, -0.06] }
/** The teacher under the teacher's desk: lower still (the desk is 0.8 m on a 0.15 m platform). */
const DUCK_LOW: Pose = { ...DUCK, lean: 82, nod: 12 }
const STAND: Pose = { pelvisY: 0.72, lean: 0, legL: [3, 0], legR: [-3, 0], armL: [8, 12, -0.02], armR: [-6, 4, -0.02] }
/**
 * Mid-stride, for anyone shown moving (down the stairs, across the playground): the left leg
 * reaching forward, the right pushing off behind on its toes, the arms swinging against the legs.
 * A fixed pose like the others (instanced, no skeleton): a line of people in it reads as walking.
 */
const WALK: Pose = { pelvisY: 0.7, lean: 5, nod: -3, legL: [26, 10], legR: [-20, -42], armL: [-24, -12, 0], armR: [28, 52, 0.03] }
/** The teacher talks to the class, one hand raised. */
const TEACH: Pose = { pelvisY: 0.72, lean: 2, legL: [4, 0], legR: [-2, 0], armL: [10, 20, -0.02], armR: [40, 110, 0.02] }
/** Leading the drill: the flag up, the other arm pointing the way. */
const LEAD: Pose = {
  pelvisY: 0.72,
  lean: 3,
  legL: [8, 2],
  legR: [-6, 0],
  armL: [82, 86, -0.32],
  armR: [150, 178, 0.08],
  flag: { pole: '#c8ccd2', cloth: '#0a7d3c' },
}
/** Under the smoke: crouched low, still pointing, flag held low. */
const CROUCH: Pose = {
  pelvisY: 0.5,
  lean: 38,
  nod: -25,
  legL: [92, -18],
  legR: [70, -30],
  armL: [92, 92, -0.3],
  armR: [50, 95, 0.05],
  flag: { pole: '#c8ccd2', cloth: '#0a7d3c' },
}

/** Earthquake: the classmates (two looks) and the teacher, in the poses the steps need (walking where they move). */
export function classroomKit(): Record<string, Piece[]> {
  return {
    'pupil-sit-a': person(SIT, PUPIL_A),
    'pupil-sit-b': person(SIT, PUPIL_B),
    'pupil-duck-a': person(DUCK, PUPIL_A),
    'pupil-duck-b': person(DUCK, PUPIL_B),
    'pupil-stand-a': person(STAND, PUPIL_A),
    'pupil-stand-b': person(STAND, PUPIL_B),
    'pupil-walk-a': person(WALK, PUPIL_A),
    'pupil-walk-b': person(WALK, PUPIL_B),
    'teacher-stand': person(TEACH, TEACHER, 1.2),
    'teacher-walk': person(WALK, TEACHER, 1.2),
    'teacher-duck': person(DUCK_LOW, TEACHER, 1.2),
  }
}

/** Fire escape: the guide in a high-visibility vest with a green flag. */
export function guideKit(): Record<string, Piece[]> {
  return { 'guide-lead': person(LEAD, GUIDE, 1.2), 'guide-crouch': person(CROUCH, GUIDE, 1.2) }
}
