import { defineExhibit } from '@sophora/sdk'
import { quiz } from './quiz.ts'
import { ExhibitScene } from './scene/exhibit-scene.tsx'
import { steps } from './steps.ts'

/**
 * __TITLE_ZH__ / __TITLE_EN__. Created from the exhibit template (npm run new-exhibit);
 * see docs/authoring-exhibits.md. Uses only the platform's shared sounds.
 */
export default defineExhibit({ steps, quiz, Scene: ExhibitScene })
