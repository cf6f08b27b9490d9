import { useFrame } from '@react-three/fiber'
import { createBillboards, hash01, particleTexture, useReducedMotion, useTracked } from '@sophora/sdk'
import { useMemo } from 'react'
import { Color } from 'three'
import { FIRE_Z, HALF_W } from './layout.ts'

const FLAMES = 64
const EMBERS = 24
const HOT = new Color('#ffd75a')
const WARM = new Color('#ff8a1f')
const DEEP = new Color('#d8300c')
const EMBER = new Color('#ffb347')

/**
 * The fire at the far end of the corridor: tongues of flame rising from a burning line across the
 * corridor (yellow at the root, orange, then red as they thin out at the top) and a few embers
 * drifting up — two additive batches, one draw call each. Every particle's place, size and colour
 * is a pure function of the clock and its seed, so the same moment always looks the same. With
 * reduced motion the fire burns at half speed.
 */
export function FireParticles() {
  const reduced = useReducedMotion()
  const flames = useTracked(() => createBillboards({ capacity: FLAMES, map: particleTexture('flame'), blending: 'additive', aspect: 1.6 }))
  const embers = useTracked(() => createBillboards({ capacity: EMBERS, map: particleTexture('soft'), blending: 'additive' }))
  const tint = useMemo(() => new Color(), [])

  useFrame(({ clock }) => {
    const t = clock.elapsedTime * (reduced ? 0.5 : 1)
    for (let i = 0; i < FLAMES; i++) {
      const life = 0.8 + 0.5 * hash01(i, 1)
      const age = (t / life + hash01(i, 2)) % 1
      // roots spread across the corridor and a metre deep; taller tongues in the middle
      const x = (-HALF_W + 0.2 + (2 * HALF_W - 0.4) * hash01(i, 3)) * (1 - 0.15 * age)
      const z = FIRE_Z - 1.0 * hash01(i, 4)
      const rise = (1.2 + 1.3 * (1 - Math.abs(x) / HALF_W)) * age
      const sway = 0.06 * Math.sin(t * 5 + i)
      const size = (0.6 + 0.45 * hash01(i, 5)) * (age < 0.2 ? 0.5 + 2.5 * age : 1.1 - 0.6 * age)
      if (age < 0.4) tint.lerpColors(HOT, WARM, age / 0.4)
      else tint.lerpColors(WARM, DEEP, (age - 0.4) / 0.6)
      flames.set(i, x + sway * age, 0.15 + rise, z, size, tint, 0.9 * (1 - age) ** 0.7)
    }
    flames.draw(FLAMES)
    for (let i = 0; i < EMBERS; i++) {
      const life = 1.6 + hash01(i, 6)
      const age = (t / life + hash01(i, 7)) % 1
      const x = -HALF_W + 0.3 + (2 * HALF_W - 0.6) * hash01(i, 8) + 0.3 * Math.sin(t * 1.3 + i) * age
      embers.set(i, x, 0.4 + 2.4 * age, FIRE_Z - 0.8 * hash01(i, 9), 0.035, EMBER, 1 - age)
    }
    embers.draw(EMBERS)
  })

  return (
    <>
      <primitive object={flames.mesh} />
      <primitive object={embers.mesh} />
    </>
  )
}
