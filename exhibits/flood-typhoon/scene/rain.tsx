import { useFrame } from '@react-three/fiber'
import { useMemo, useRef } from 'react'
import { Object3D, type InstancedMesh } from 'three'
import { COLORS as C } from './layout.ts'
import type { PartProps } from './part-props.ts'

export const RAIN_COUNT = 900
const TOP = 9
const SPEED = 9

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
 * Rain: one InstancedMesh of thin streaks. The number drawn (`count`) follows `stage.rain`;
 * the wind slants and pushes them. One Object3D is reused; nothing is allocated per frame.
 */
export function Rain({ live }: Pick<PartProps, 'live'>) {
  const mesh = useRef<InstancedMesh>(null)
  const data = useMemo(() => rainSeeds(), [])
  const dummy = useMemo(() => new Object3D(), [])

  useFrame(({ clock }) => {
    const m = mesh.current
    if (!m) return
    const s = live.current
    const t = clock.elapsedTime
    const n = s.place === 'street' ? Math.round(RAIN_COUNT * s.rain) : 0
    m.count = n
    const slant = 0.12 + 0.35 * s.wind
    dummy.rotation.set(0, 0, slant)
    for (let i = 0; i < n; i++) {
      const d = data[i]!
      const fall = (d.y0 + t * d.speed) % TOP
      const y = TOP - fall
      const x = -12 + ((d.x + 12 + fall * slant) % 24)
      dummy.position.set(x, y, d.z)
      dummy.updateMatrix()
      m.setMatrixAt(i, dummy.matrix)
    }
    m.instanceMatrix.needsUpdate = true
  })

  return (
    <instancedMesh ref={mesh} args={[undefined, undefined, RAIN_COUNT]} frustumCulled={false} renderOrder={3}>
      <boxGeometry args={[0.008, 0.45, 0.008]} />
      <meshBasicMaterial color={C.rain} transparent opacity={0.5} depthWrite={false} />
    </instancedMesh>
  )
}
