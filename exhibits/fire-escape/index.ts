import { defineExhibit } from '@sophora/sdk'
import { quiz } from './quiz.ts'
import { FireScene } from './scene/fire-scene.tsx'
import { steps } from './steps.ts'

/**
 * 火灾逃生 / Fire escape: the reference exhibit. Uses only the platform's shared sounds
 * ('alarm', 'crackle'), so it ships no audio of its own.
 */
export default defineExhibit({ steps, quiz, Scene: FireScene })
