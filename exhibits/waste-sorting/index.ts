import { centerVariant, defineExhibit } from '@sophora/sdk'
import { quiz } from './quiz.ts'
import { SortingScene } from './scene/sorting-scene.tsx'
import { buildSteps } from './steps.ts'

/**
 * 垃圾分类 / Waste sorting: thirty items into China's four bins (GB/T 19095-2019).
 * Local rules come from the center profile: bin names and texts through the locale keys,
 * and a different bin for a disputed item through `bin.<item key>` (see docs/center-profile.md).
 * Uses only the platform's shared sounds ('correct', 'wrong'), so it ships no audio of its own.
 */
export default defineExhibit({
  steps: buildSteps((key) => centerVariant('waste-sorting', `bin.${key}`)),
  quiz,
  Scene: SortingScene,
})
