import { useFrame } from '@react-three/fiber'
import { useRef, type RefObject } from 'react'
import type { AmbientLight, DirectionalLight, PointLight } from 'three'
import type { Place, Stage } from './stage.ts'

const AMBIENT: Record<Place, number> = { classroom: 1.2, stairwell: 1.1, playground: 1.5, rubble: 0.6 }
const SUN: Record<Place, number> = { classroom: 0.9, stairwell: 0.5, playground: 1.6, rubble: 0 }

/**
 * Lights stay mounted and visible all the time and only change intensity: hiding a light
 * changes the light count, which recompiles every material (a visible hitch in VR).
 */
export function Lights({ live }: { live: RefObject<Stage> }) {
  const ambient = useRef<AmbientLight>(null)
  const sun = useRef<DirectionalLight>(null)
  const crack = useRef<PointLight>(null)

  useFrame((_, dt) => {
    const place = live.current.place
    const k = 1 - Math.exp(-dt * 3)
    if (ambient.current) ambient.current.intensity += (AMBIENT[place] - ambient.current.intensity) * k
    if (sun.current) sun.current.intensity += (SUN[place] - sun.current.intensity) * k
    if (crack.current) crack.current.intensity = place === 'rubble' ? 2.5 : 0
  })

  return (
    <>
      <ambientLight ref={ambient} intensity={1.2} color="#fff8ee" />
      {/* daylight from the windows on the left */}
      <directionalLight ref={sun} position={[-6, 8, 3]} intensity={0.9} />
      <pointLight ref={crack} position={[0.7, 1.05, -0.5]} color="#ffe9c0" intensity={0} decay={2} />
    </>
  )
}
