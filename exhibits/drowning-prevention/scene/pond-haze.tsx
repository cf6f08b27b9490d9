import { useThree } from '@react-three/fiber'
import { useEffect, useMemo } from 'react'
import { Fog } from 'three'
import { COLORS as C } from './layout.ts'

/**
 * A light summer haze: the hills and far trees fade towards the sky's horizon colour, which gives
 * the park depth. On the scene for the whole visit; the fog before it comes back on exit.
 */
export function PondHaze() {
  const scene = useThree((s) => s.scene)
  const fog = useMemo(() => new Fog(C.haze, 12, 60), [])
  useEffect(() => {
    const before = scene.fog
    scene.fog = fog
    return () => {
      scene.fog = before
    }
  }, [scene, fog])
  return null
}
