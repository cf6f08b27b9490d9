import { useFrame } from '@react-three/fiber'
import { pulse, useTapChoice, useTracked } from '@sophora/sdk'
import { useRef, type RefObject } from 'react'
import type { Group, MeshLambertMaterial } from 'three'
import { mergePeople, personParts, type Look } from './figures.ts'
import { ADULT, FRIENDS } from './layout.ts'
import type { Stage } from './stage.ts'

const FRIEND_A: Look = { shirt: '#fbc02d', shorts: '#3949ab' }
const FRIEND_B: Look = { shirt: '#26a69a', shorts: '#5d4037', cap: '#6d4c41' }
const GROWN_UP: Look = { shirt: '#43a047', shorts: '#37474f' }
const RESCUED: Look = { shirt: '#1e88e5', shorts: '#1e88e5', cap: '#43a047' }

/**
 * The people on land: two friends by the pond (beckoning "come and swim!" at first), and a grown-up
 * (a parent or teacher) on the path behind, who comes running once you call for help. Tapping the
 * grown-up answers "tell an adult" and "shout for adults". After the steps, the child who fell in
 * stands safe beside them.
 */
export function People({ stage, live }: { stage: Stage; live: RefObject<Stage> }) {
  const tap = useTapChoice()
  const friends = {
    beckon: useTracked(() =>
      mergePeople(personParts(FRIENDS.x, FRIENDS.z, FRIEND_A, 1, 'up'), personParts(FRIENDS.x + 0.6, FRIENDS.z - 0.3, FRIEND_B, 0.95, 'up')),
    ),
    stand: useTracked(() => mergePeople(personParts(FRIENDS.x, FRIENDS.z, FRIEND_A), personParts(FRIENDS.x + 0.6, FRIENDS.z - 0.3, FRIEND_B, 0.95))),
  }
  const adult = useTracked(() => mergePeople(personParts(0, 0, GROWN_UP, 1.3, 'up')))
  const rescued = useTracked(() => mergePeople(personParts(0.55, 0.1, RESCUED, 0.95)))
  const who = useRef<Group>(null)
  const glow = useRef<MeshLambertMaterial>(null)

  useFrame(({ clock }, dt) => {
    const s = live.current
    const g = who.current
    if (!s || !g) return
    // walk (never jump) towards where the grown-up should be now
    const to = ADULT[s.adult]
    const step = Math.min(1, dt * 1.5)
    g.position.x += (to.x - g.position.x) * step
    g.position.z += (to.z - g.position.z) * step
    if (glow.current) glow.current.emissiveIntensity = s.highlight === 'adult' ? 0.2 + 0.45 * pulse(clock.elapsedTime) : 0
  })

  return (
    <group>
      <mesh geometry={friends.beckon} visible={stage.beckon}>
        <meshLambertMaterial vertexColors />
      </mesh>
      <mesh geometry={friends.stand} visible={stage.friends && !stage.beckon}>
        <meshLambertMaterial vertexColors />
      </mesh>
      <group ref={who} position={[ADULT.path.x, 0, ADULT.path.z]}>
        <mesh name="grown-up" geometry={adult} onClick={tap(['invite', 'invite-refuse-tell'], ['call', 'call-shout-110'])}>
          <meshLambertMaterial ref={glow} vertexColors emissive="#fff59d" emissiveIntensity={0} />
        </mesh>
        <mesh geometry={rescued} visible={stage.drowning === 'rescued'}>
          <meshLambertMaterial vertexColors />
        </mesh>
      </group>
    </group>
  )
}
