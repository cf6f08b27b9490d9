import { useFrame } from '@react-three/fiber'
import { createBillboards, particleTexture, useTracked } from '@sophora/sdk'
import { useMemo } from 'react'
import { Color, Vector3 } from 'three'
import { COLORS as C } from './layout.ts'
import type { PartProps } from './part-props.ts'

export const RAIN_COUNT = 900
const TOP = 9
const SPEED = 9
const DROP = new Color(C.rain)

/** Per-drop constants, computed once from a fixed formula (no Math.random: reproducible). */
export function rainSeeds(count = RAIN_COUNT) {
  return Array.from({ length: count }, (_, i) => ({
    x: -12 + ((i * 7.31) % 24),
    z: -1.5 - ((i * 3.77) % 16),
    y0: (i * 1.913) % TOP,
    speed: SPEED * (0.85 + ((i * 0.37) % 0.3)),
  }))
}

/**
 * Rain: one batch of streak billboards (one draw call), each a thin quad along the fall
 * direction that turns only about it to face the viewer. The number drawn follows `stage.rain`;
 * the wind slants and pushes them. Positions are a function of the clock and each drop's fixed
 * constants, so the same moment always looks the same; nothing is allocated per frame.
 */
export function Rain({ live }: Pick<PartProps, 'live'>) {
  const data = useMemo(() => rainSeeds(), [])
  const drops = useTracked(() => createBillboards({ capacity: RAIN_COUNT, map: particleTexture('streak'), axis: new Vector3(0, 1, 0), aspect: 16 }))

  useFrame(({ clock }) => {
    const s = live.current
    const t = clock.elapsedTime
    const n = s.place === 'street' ? Math.round(RAIN_COUNT * s.rain) : 0
    const slant = 0.12 + 0.35 * s.wind
    // a streak is drawn along the way it falls: down, and sideways with the wind
    drops.axis.set(Math.sin(slant), -Math.cos(slant), 0)
    for (let i = 0; i < n; i++) {
      const d = data[i]!
      const fall = (d.y0 + t * d.speed) % TOP
      const y = TOP - fall
      const x = -12 + ((d.x + 12 + fall * slant) % 24)
      drops.set(i, x, y, d.z, 0.03, DROP, 0.8)
    }
    drops.draw(n)
  })

  return <primitive object={drops.mesh} />
}
