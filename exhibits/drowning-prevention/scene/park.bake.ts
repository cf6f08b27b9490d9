import type { BakeSpec } from '@sophora/sdk'
import { parkShell } from './park-parts.ts'

/**
 * The park's light, baked at build time into the static shell (meadow, pond rim, trees, hills,
 * the sign and the rescue post): a summer sun from the front-right as the old directional light
 * was, a pale blue sky, soft dark feet under trees and posts, and the meadow's green bounce.
 * Not boxes, so the shell goes in as a mesh; pond-scene.tsx lights the same geometry with it.
 */
const spec: BakeSpec = {
  meshes: [{ geometry: parkShell() }],
  ambient: { color: '#ffffff', intensity: 0.06 },
  sky: { color: '#d9ebff', intensity: 0.42 },
  sun: { direction: [-4, -8, -3], color: '#fff6e0', intensity: 0.58 },
  bounce: 0.9,
  aoDistance: 1.2,
  samples: 48,
  seed: 16,
}
export default spec
