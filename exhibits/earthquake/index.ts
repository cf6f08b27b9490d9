import { defineExhibit } from '@sophora/sdk'
import { quiz } from './quiz.ts'
import { EarthquakeScene } from './scene/earthquake-scene.tsx'
import { steps } from './steps.ts'

/**
 * 地震避险 / Earthquake safety. Ships one sound of its own, the rumble (synthesized with
 * SoX, CC0, see assets/README.md); taps use the platform's shared 'click'.
 */
export default defineExhibit({
  steps,
  quiz,
  Scene: EarthquakeScene,
  sfx: { rumble: new URL('./assets/rumble.mp3', import.meta.url).href },
})
