import { defineExhibit } from '@sophora/sdk'
import { quiz } from './quiz.ts'
import { PrintScene } from './scene/print-scene.tsx'
import { steps } from './steps.ts'

/**
 * 3D 打印 / 3D printing lab. Ships one small sound of its own: a printer hum made with sox
 * (see sources.md, "Assets"); 'click', 'correct' and 'wrong' are the platform's.
 */
export default defineExhibit({
  steps,
  quiz,
  Scene: PrintScene,
  sfx: { hum: new URL('./assets/hum.mp3', import.meta.url).href },
})
