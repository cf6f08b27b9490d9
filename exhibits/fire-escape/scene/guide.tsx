import { ModelMesh } from '@sophora/sdk'
import { ASSEMBLY } from './layout.ts'
import type { Stage } from './stage.ts'

const GUIDE_URL = new URL('../assets/models/guide.glb', import.meta.url).href

/** In the corridor: ahead on the left, pointing across to the stairwell door on the right. */
const IN_CORRIDOR = { x: -0.75, z: -5.3, yaw: 0.35 }
/** Outside: beside the assembly point, the flag up so the class finds it. */
const AT_ASSEMBLY = { x: ASSEMBLY.x + 1.1, z: ASSEMBLY.z - 0.5, yaw: -0.45 }

/**
 * The drill's guide (a teacher in a high-visibility vest with a green flag, from
 * assets/models/guide.glb): leads the way in the corridor, crouches under the smoke with the
 * class, and waits at the assembly point. Two poses, one drawn at a time (one draw call); lit
 * by the scene's ambient light like the other moving things (the corridor is baked).
 */
export function Guide({ stage }: { stage: Stage }) {
  const at = stage.outside ? AT_ASSEMBLY : IN_CORRIDOR
  return (
    <group name="guide" position={[at.x, 0, at.z]} rotation={[0, at.yaw, 0]}>
      <ModelMesh url={GUIDE_URL} part="guide-lead" visible={!stage.crouched} />
      <ModelMesh url={GUIDE_URL} part="guide-crouch" visible={stage.crouched} />
    </group>
  )
}
