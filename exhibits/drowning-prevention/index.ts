import { defineExhibit } from '@sophora/sdk'
import { quiz } from './quiz.ts'
import { PondScene } from './scene/pond-scene.tsx'
import { steps } from './steps.ts'

/**
 * 防溺水 / Drowning Prevention: a summer pond, the 六不 rules, spotting silent drowning, and
 * helping from the bank (shout, call 110, throw the ring; never jump in or form a hand chain).
 * Uses only the platform's shared sounds.
 */
export default defineExhibit({ steps, quiz, Scene: PondScene })
