import { useSceneFog } from '@sophora/sdk'
import { COLORS as C } from './layout.ts'

/**
 * A light summer haze: the hills and far trees fade towards the sky's horizon colour, which gives
 * the park depth. On the scene for the whole visit; the fog before it comes back on exit.
 */
export function PondHaze() {
  useSceneFog(C.haze, 12, 60)
  return null
}
