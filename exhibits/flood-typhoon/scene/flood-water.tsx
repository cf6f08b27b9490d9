import { useFrame } from '@react-three/fiber'
import { useTapChoice } from '@sophora/sdk'
import { useMemo, useRef } from 'react'
import { Object3D, type InstancedMesh, type Mesh } from 'three'
import { COLORS as C, ROAD } from './layout.ts'
import type { PartProps } from './part-props.ts'

const STREAKS = 48
const ROAD_MID = (ROAD.near + ROAD.far) / 2

/**
 * The flood on the road: one muddy water plane that rises with `stage.water`, and foam
 * streaks (one instanced draw call) racing along it once the water moves. Tapping the
 * water while the flooded-road step is open = wading in.
 */
export function FloodWater({ stage, live }: PartProps) {
  const tap = useTapChoice()
  const water = useRef<Mesh>(null)
  const streaks = useRef<InstancedMesh>(null)
  const dummy = useMemo(() => new Object3D(), [])
  const seeds = useMemo(
    () =>
      Array.from({ length: STREAKS }, (_, i) => ({
        x: -15 + ((i * 9.7) % 30),
        z: ROAD.near - 0.3 - ((i * 2.93) % (ROAD.near - ROAD.far - 0.6)),
        len: 0.4 + ((i * 0.53) % 0.8),
        speed: 1.8 + ((i * 0.71) % 1.4),
      })),
    [],
  )
  const level = useRef(stage.water)

  useFrame(({ clock }, dt) => {
    const s = live.current
    level.current += (s.water - level.current) * (1 - Math.exp(-dt * 0.7))
    const y = level.current
    if (water.current) water.current.position.y = y
    const m = streaks.current
    if (!m) return
    m.visible = s.flowing
    if (!s.flowing) return
    const t = clock.elapsedTime
    for (let i = 0; i < seeds.length; i++) {
      const d = seeds[i]!
      dummy.position.set(-15 + ((d.x + 15 + t * d.speed) % 30), y + 0.006, d.z + 0.05 * Math.sin(t * 1.3 + i))
      dummy.scale.set(d.len, 1, 1)
      dummy.updateMatrix()
      m.setMatrixAt(i, dummy.matrix)
    }
    m.instanceMatrix.needsUpdate = true
  })

  return (
    <group>
      <mesh ref={water} name="flood-water" rotation={[-Math.PI / 2, 0, 0]} position={[0, stage.water, ROAD_MID]} onClick={tap('flooded-road', 'road-wade')}>
        <planeGeometry args={[70, ROAD.near - ROAD.far + 0.2]} />
        <meshPhongMaterial color={C.flood} shininess={80} specular="#8a8a7a" transparent opacity={0.9} />
      </mesh>
      <instancedMesh ref={streaks} args={[undefined, undefined, STREAKS]} frustumCulled={false} visible={false}>
        <boxGeometry args={[1, 0.004, 0.05]} />
        <meshBasicMaterial color={C.foam} transparent opacity={0.55} depthWrite={false} />
      </instancedMesh>
    </group>
  )
}
