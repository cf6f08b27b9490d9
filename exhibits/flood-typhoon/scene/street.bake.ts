import type { BakeSpec } from '@sophora/sdk'
import { COLORS as C } from './layout.ts'
import { streetParts } from './shell-parts.ts'

/**
 * The street's light under a storm sky, baked at build time: a grey sky dome (most of the light,
 * darkened under the trees, between the buildings and in the kerbs' corners), a sun through thin
 * cloud from the viewer's side, and one bounce. Cells are coarse (0.9 m): the street is large and seen from afar.
 */
const spec: BakeSpec = {
  boxes: streetParts().map((p) => (p.color === C.windowLit ? { ...p, emit: 0.9 } : p)),
  ambient: { color: '#dfe8f0', intensity: 0.08 },
  sky: { color: '#c9d3dc', intensity: 0.38 },
  // from just right of the viewer and stronger than the sky: fronts and roofs lit, the sides along
  // the street in shade, so the buildings read as blocks (a front-left sun lit fronts and sides alike
  // and threw smudged diagonal shadows across the fronts)
  sun: { direction: [-0.15, -0.6, -0.8], color: '#eef3ff', intensity: 1.0 },
  bounce: 0.5,
  aoDistance: 1.5,
  cell: 0.9,
  samples: 40,
  seed: 16,
}
export default spec
