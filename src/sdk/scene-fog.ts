import { useThree } from '@react-three/fiber'
import { useEffect, useMemo } from 'react'
import { Fog, type ColorRepresentation } from 'three'

/**
 * Linear fog on the scene for the whole visit, for depth (pair its colour with the sky's horizon):
 * set once, never switched off (that would recompile every material), and the scene's fog from
 * before the visit comes back on exit. Returns the Fog, so `useFrame` may move its colour, `near`
 * and `far` (smoke closing in, haze pushed away indoors).
 *
 * @example
 * const fog = useSceneFog('#c9d3dc', 12, 60)
 */
export function useSceneFog(color: ColorRepresentation, near: number, far: number): Fog {
  const scene = useThree((s) => s.scene)
  // made once per visit: later arguments are ignored, the exhibit moves the returned Fog instead
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const fog = useMemo(() => new Fog(color, near, far), [])
  useEffect(() => {
    const before = scene.fog
    scene.fog = fog
    return () => {
      scene.fog = before
    }
  }, [scene, fog])
  return fog
}
