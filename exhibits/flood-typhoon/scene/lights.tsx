import { useFrame } from '@react-three/fiber'
import { useSceneFog } from '@sophora/sdk'
import { useRef } from 'react'
import type { HemisphereLight } from 'three'
import { FOG_STREET } from './layout.ts'
import type { PartProps } from './part-props.ts'

/**
 * The street and the room are baked (street.bake.ts, room.bake.ts) and drawn unlit; this one
 * hemisphere light (sky above, wet ground below) lights only what moves or reacts — the board,
 * the billboard, the trees, the switch box — tuned to sit in the baked light. It stays mounted and
 * only changes intensity: a change in the light count would recompile every material.
 * The rain haze is on the scene the whole visit (the one before comes back on exit); at home it
 * is pushed out of sight.
 */
export function Lights({ live }: Pick<PartProps, 'live'>) {
  const hemi = useRef<HemisphereLight>(null)
  const fog = useSceneFog(FOG_STREET, 14, 75)

  useFrame((_, dt) => {
    const s = live.current
    const k = 1 - Math.exp(-dt * 3)
    const home = s.place === 'home'
    const target = home ? (s.calm ? 2.2 : s.powerCut ? 1.1 : 1.7) : 2.1
    if (hemi.current) hemi.current.intensity += (target - hemi.current.intensity) * k
    fog.near = home ? 60 : 14
    fog.far = home ? 200 : 75
  })

  return <hemisphereLight ref={hemi} args={['#e4ebf2', '#5d5a4c', 2]} />
}
