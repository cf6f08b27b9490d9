import { useFrame } from '@react-three/fiber'
import { Label3D, mergeBoxes, pulse, useExhibit, useTapChoice, useTracked } from '@sophora/sdk'
import { Suspense, useMemo, useRef } from 'react'
import { Object3D, type InstancedMesh, type MeshLambertMaterial } from 'three'
import { COLORS as C, PIPE } from './layout.ts'
import type { PartProps } from './part-props.ts'
import { debrisParts, rubbleParts } from './shell-parts.ts'
import type zh from '../locales/zh-CN.json'

const MOTES = 48

/** Per-mote constants, computed once: where each speck of dust drifts. */
export function dustSeeds() {
  return Array.from({ length: MOTES }, (_, i) => ({
    x: -1.2 + ((i * 37) % 48) / 20,
    y: 0.2 + ((i * 17) % 48) / 48,
    z: -1.5 + ((i * 29) % 48) / 40,
    phase: i * 0.73,
    speed: 0.05 + (i % 5) * 0.015,
  }))
}

/**
 * "What if you were trapped": a dark pocket under a fallen slab, dust in the air, a pipe
 * within reach. Tap the pipe to knock on it; tapping the loose rubble means trying to dig out.
 */
export function Rubble({ stage, live }: PartProps) {
  const ctx = useExhibit<typeof zh>()
  const tap = useTapChoice()
  const shell = useTracked(() => mergeBoxes(rubbleParts()))
  const debris = useTracked(() => mergeBoxes(debrisParts()))
  const seeds = useMemo(() => dustSeeds(), [])
  const dust = useRef<InstancedMesh>(null)
  const pipeMat = useRef<MeshLambertMaterial>(null)
  const o = useMemo(() => new Object3D(), [])

  useFrame(({ clock }) => {
    const t = clock.elapsedTime
    if (pipeMat.current) pipeMat.current.emissiveIntensity = live.current.highlight === 'pipe' ? 0.15 + 0.4 * pulse(t) : 0
    const m = dust.current
    if (!m || !m.visible) return
    for (let i = 0; i < seeds.length; i++) {
      const d = seeds[i]!
      // slow sinking with a gentle sway; wraps back to the top
      const y = 0.2 + ((((d.y - t * d.speed * 0.3) % 1) + 1) % 1)
      o.position.set(d.x + 0.08 * Math.sin(t * d.speed * 6 + d.phase), y, d.z + 0.05 * Math.cos(t * d.speed * 5 + d.phase))
      o.rotation.set(t * d.speed, d.phase, 0)
      o.updateMatrix()
      m.setMatrixAt(i, o.matrix)
    }
    m.instanceMatrix.needsUpdate = true
  })

  return (
    <group>
      <mesh geometry={shell}>
        <meshLambertMaterial vertexColors />
      </mesh>
      <mesh name="eq-debris" geometry={debris} onClick={tap(['trapped', 'trapped-dig-out'])}>
        <meshLambertMaterial vertexColors />
      </mesh>
      {/* a thin crack of daylight where the slab rests on the wall */}
      <mesh position={[1.35, 1.02, -1.2]} rotation={[0, 0, -0.25]}>
        <boxGeometry args={[0.03, 0.02, 1.4]} />
        <meshBasicMaterial color="#fff6d8" />
      </mesh>
      <mesh name="eq-pipe" position={[0, PIPE.y, PIPE.z]} rotation={[0, 0, Math.PI / 2]} onClick={tap(['trapped', 'trapped-tap-pipe'])}>
        <cylinderGeometry args={[PIPE.r, PIPE.r, PIPE.halfLen * 2, 12]} />
        <meshLambertMaterial ref={pipeMat} color={C.pipe} emissive="#ffd36b" emissiveIntensity={0} />
      </mesh>
      <instancedMesh ref={dust} args={[undefined, undefined, MOTES]} frustumCulled={false}>
        <octahedronGeometry args={[0.008, 0]} />
        <meshBasicMaterial color={C.dust} />
      </instancedMesh>

      <Suspense fallback={null}>
        <Label3D visible={stage.tapped} position={[-0.45, PIPE.y + 0.2, PIPE.z]} fontSize={0.09} color="#ffe680" anchorX="center" anchorY="middle">
          {ctx.t('scene.tap')}
        </Label3D>
      </Suspense>
    </group>
  )
}
