import { useFrame } from '@react-three/fiber'
import { useSceneFog } from '@sophora/sdk'
import { Color } from 'three'
import { COLORS as C } from './layout.ts'
import type { PartProps } from './part-props.ts'

const SMOKE = new Color('#5f5955')
const SKY = new Color(C.sky)

/**
 * Depth: smoky haze in the corridor that closes in as the smoke thickens, a light distance haze
 * outdoors. The fog stays on the scene the whole visit (switching it off would recompile every
 * material) and the one that was there before comes back on exit.
 */
export function SceneFog({ live }: Pick<PartProps, 'live'>) {
  const fog = useSceneFog(SMOKE, 3, 45)

  useFrame((_, dt) => {
    const s = live.current
    if (s.outside) {
      fog.color.copy(SKY)
      fog.near = 40
      fog.far = 160
      return
    }
    fog.color.copy(SMOKE)
    const k = 1 - Math.exp(-dt * 0.8)
    // thick smoke still lets the fire at the far end (18 m) show through
    fog.near += (3 - 1.5 * s.smoke - fog.near) * k
    fog.far += (45 - 15 * s.smoke - fog.far) * k
  })
  return null
}
