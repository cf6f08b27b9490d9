import type { BakeSpec } from '@sophora/sdk'
import { shellBoxes } from './shell.ts'

/**
 * The sorting hall's light, baked at build time: an even skylight from above (the hall has no
 * ceiling in view), a soft key light from the front-right like the old directional light,
 * ambient occlusion under the conveyor and along the wall's foot, and one bounce.
 */
const spec: BakeSpec = {
  boxes: shellBoxes(),
  // the pale wall clipped to white under more: it keeps a tone and the sorting signs stand out
  ambient: { color: '#ffffff', intensity: 0.12 },
  sky: { color: '#fffaf0', intensity: 0.55 },
  sun: { direction: [-1.5, -4, -2], color: '#fff8ec', intensity: 0.5 },
  bounce: 0.8,
  aoDistance: 0.6,
  cell: 0.25,
  samples: 48,
  seed: 16,
}
export default spec
