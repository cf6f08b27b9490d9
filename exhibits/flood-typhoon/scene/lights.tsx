import { useFrame } from '@react-three/fiber'
import { useRef } from 'react'
import type { AmbientLight, DirectionalLight, PointLight } from 'three'
import type { PartProps } from './part-props.ts'

/**
 * Lights stay mounted and visible all the time and only change intensity: hiding a light
 * changes the light count, which recompiles every material (a visible hitch in VR).
 */
export function Lights({ live }: Pick<PartProps, 'live'>) {
  const ambient = useRef<AmbientLight>(null)
  const sun = useRef<DirectionalLight>(null)
  const lamp = useRef<PointLight>(null)

  useFrame((_, dt) => {
    const s = live.current
    const k = 1 - Math.exp(-dt * 3)
    const home = s.place === 'home'
    const amb = home ? (s.calm ? 1.5 : s.powerCut ? 0.9 : 1.1) : 1.25
    if (ambient.current) ambient.current.intensity += (amb - ambient.current.intensity) * k
    if (sun.current) sun.current.intensity += ((home ? (s.calm ? 1.4 : 0.3) : 0.9) - sun.current.intensity) * k
    if (lamp.current) lamp.current.intensity += ((home && !s.powerCut ? 6 : 0) - lamp.current.intensity) * k
  })

  return (
    <>
      <ambientLight ref={ambient} intensity={1.2} color="#dfe8f0" />
      <directionalLight ref={sun} position={[-4, 10, 3]} intensity={0.9} color="#eef3ff" />
      <pointLight ref={lamp} position={[0, 2.6, -1.2]} color="#fff1d0" intensity={0} decay={2} />
    </>
  )
}
