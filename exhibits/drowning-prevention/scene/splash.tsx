import { useFrame } from '@react-three/fiber'
import { createBillboards, hash01, particleTexture, useReducedMotion, useTracked } from '@sophora/sdk'
import type { RefObject } from 'react'
import { Color } from 'three'
import { POND, SWIM } from './layout.ts'
import type { Stage } from './stage.ts'

const COUNT = 36
/** seconds from a drop leaving a hand to falling back into the pond */
const FLIGHT = 0.7
const G = 9.8
const SPRAY = new Color('#e8f6ff')

/**
 * Spray thrown up by the child who is *playing* (loud, arms slapping the water): one batch of
 * soft drops in one draw call, each on a parabola that is a pure function of the clock and the
 * drop's seed. The drowning child gets none on purpose — drowning is quiet (the lesson of the
 * step). With reduced motion the spray is low and slow.
 */
export function Splash({ live }: { live: RefObject<Stage> }) {
  const reduced = useReducedMotion()
  const drops = useTracked(() => createBillboards({ capacity: COUNT, map: particleTexture('soft') }))

  useFrame(({ clock }) => {
    const shown = live.current.players
    const t = clock.elapsedTime * (reduced ? 0.5 : 1)
    const up = reduced ? 0.5 : 1
    for (let i = 0; shown && i < COUNT; i++) {
      const age = (t / FLIGHT + hash01(i, 1)) % 1
      const tau = age * FLIGHT
      // each drop leaves the left or right hand, outwards and up
      const side = i % 2 ? 1 : -1
      const vx = side * (0.3 + 0.6 * hash01(i, 2))
      const vz = 0.5 * (hash01(i, 3) - 0.5)
      const vy = up * (1.8 + 1.2 * hash01(i, 4))
      const y = POND.water + 0.12 + vy * tau - 0.5 * G * tau * tau
      drops.set(
        i,
        SWIM.splash.x + side * 0.2 + vx * tau,
        Math.max(POND.water, y),
        SWIM.splash.z + vz * tau,
        0.05 + 0.03 * hash01(i, 5),
        SPRAY,
        0.85 * (1 - age),
      )
    }
    drops.draw(shown ? COUNT : 0)
  })

  return <primitive object={drops.mesh} />
}
