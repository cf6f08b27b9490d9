import { defineExhibit } from '@sophora/sdk'
import { quiz } from './quiz.ts'
import { SortingScene } from './scene/sorting-scene.tsx'
import { steps } from './steps.ts'

/**
 * 垃圾分类 / Waste sorting: thirty items into China's four bins (GB/T 19095-2019).
 * Uses only the platform's shared sounds ('correct', 'wrong'), so it ships no audio of its own.
 */
export default defineExhibit({ steps, quiz, Scene: SortingScene })
