import { useFrame } from '@react-three/fiber'
import { useReducedMotion } from '@sophora/sdk'
import { useRef } from 'react'
import type { AmbientLight, DirectionalLight, PointLight } from 'three'
import { ALARM_BELL, FIRE_Z } from './layout.ts'
import type { PartProps } from './part-props.ts'

/**
 * Lights stay mounted and visible all the time and only change intensity: hiding a light
 * changes the light count, which recompiles every material (a visible hitch in VR).
 */
export function Lights({ live }: Pick<PartProps, 'live'>) {
  const ambient = useRef<AmbientLight>(null)
  const sun = useRef<DirectionalLight>(null)
  const fire = useRef<PointLight>(null)
  const alarm = useRef<PointLight>(null)
  const reduced = useReducedMotion()

  useFrame(({ clock }, dt) => {
    const s = live.current
    const t = clock.elapsedTime
    const k = 1 - Math.exp(-dt * 3)
    if (ambient.current) ambient.current.intensity += ((s.outside ? 1.6 : 1.3) - ambient.current.intensity) * k
    if (sun.current) sun.current.intensity = s.outside ? 1.6 : 0
    if (fire.current) {
      // two slow sines: a calm flicker, no flashing
      const flicker = reduced ? 0.9 : 0.85 + 0.1 * Math.sin(t * 7.3) + 0.05 * Math.sin(t * 17.1)
      fire.current.intensity = s.outside ? 0 : 40 * flicker
    }
    // the alarm beacon breathes at 1 Hz (below 3 flashes/s, photosensitivity-safe); a steady glow when motion is reduced
    if (alarm.current) alarm.current.intensity = s.alarm ? 2.5 * (reduced ? 0.6 : 0.5 + 0.5 * Math.sin(t * Math.PI * 2)) : 0
  })

  return (
    <>
      <ambientLight ref={ambient} intensity={1.3} color="#fff4e6" />
      <directionalLight ref={sun} position={[6, 12, 4]} intensity={0} />
      <pointLight ref={fire} position={[0, 1.2, FIRE_Z + 1.2]} color="#ff7a2a" intensity={40} decay={2} />
      <pointLight ref={alarm} position={[ALARM_BELL[0] - 0.4, ALARM_BELL[1], ALARM_BELL[2]]} color="#ff2020" intensity={0} decay={2} />
    </>
  )
}
