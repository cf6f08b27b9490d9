import { defineExhibit } from '@sophora/sdk'
import { quiz } from './quiz.ts'
import { FloodScene } from './scene/flood-scene.tsx'
import { steps } from './steps.ts'

/**
 * 防汛防台 / Floods and typhoons. Ships one sound of its own, a rain loop generated with
 * sox (assets/gen-rain.sh); the sparks use the platform's shared 'crackle'.
 */
export default defineExhibit({
  steps,
  quiz,
  Scene: FloodScene,
  sfx: { rain: new URL('./assets/rain.mp3', import.meta.url).href },
})
