import { useFrame } from '@react-three/fiber'
import { bakedGeometry, Label3D, mergeBoxes, pulse, skyDome, useExhibit, useTapChoice, useTracked } from '@sophora/sdk'
import { Suspense, useLayoutEffect, useMemo, useRef } from 'react'
import { BackSide, Object3D, type Group, type InstancedMesh, type MeshLambertMaterial } from 'three'
import { FloodWater } from './flood-water.tsx'
import { BILLBOARD, COLORS as C, FOG_STREET, FOOTBRIDGE, TREES } from './layout.ts'
import type { PartProps } from './part-props.ts'
import { PowerLine } from './power-line.tsx'
import { billboardPostParts, entranceParts, footbridgeParts } from './shell-parts.ts'
import streetLight from './street.bake.ts?bake'
import { WarningBoard } from './warning-board.tsx'
import { Whirlpool } from './whirlpool.tsx'
import type zh from '../locales/zh-CN.json'

/** The street in the storm: static shell, the things that react, and the flood. */
export function Street({ stage, live }: PartProps) {
  const ctx = useExhibit<typeof zh>()
  const tap = useTapChoice()
  // storm-sky light, sun through cloud, occlusion and a bounce, ray-cast at build time (street.bake.ts)
  const shell = useTracked(() => bakedGeometry(streetLight))
  const sky = useTracked(() => skyDome({ top: C.skyStorm, horizon: FOG_STREET }))
  const bridge = useTracked(() => mergeBoxes(footbridgeParts()))
  const entrance = useTracked(() => mergeBoxes(entranceParts()))
  const posts = useTracked(() => mergeBoxes(billboardPostParts()))
  const billboard = useRef<Group>(null)
  const crowns = useRef<InstancedMesh>(null)
  const bridgeMat = useRef<MeshLambertMaterial>(null)
  const entranceMat = useRef<MeshLambertMaterial>(null)
  const dummy = useMemo(() => new Object3D(), [])
  const sway = useRef(stage.wind)

  useLayoutEffect(() => {
    const m = crowns.current
    if (!m) return
    TREES.forEach(([x, z, s], i) => {
      dummy.position.set(x, 2.6 + s, z)
      dummy.scale.setScalar(s)
      dummy.updateMatrix()
      m.setMatrixAt(i, dummy.matrix)
    })
    m.instanceMatrix.needsUpdate = true
  }, [dummy])

  useFrame(({ clock }, dt) => {
    const s = live.current
    const t = clock.elapsedTime
    sway.current += (s.wind - sway.current) * (1 - Math.exp(-dt))
    const w = sway.current
    // gusts: two slow sines, so the motion is never a regular flicker
    const gust = Math.sin(t * 1.7) + 0.5 * Math.sin(t * 4.3 + 1)
    if (billboard.current) billboard.current.rotation.z = 0.035 * w * gust
    const m = crowns.current
    if (m) {
      for (let i = 0; i < TREES.length; i++) {
        const [x, z, sc] = TREES[i]!
        const g = Math.sin(t * 1.9 + i * 1.3) + 0.4 * Math.sin(t * 5.1 + i)
        dummy.position.set(x + 0.35 * w * g, 2.6 + sc, z)
        dummy.rotation.set(0, 0, -0.18 * w * g)
        dummy.scale.setScalar(sc)
        dummy.updateMatrix()
        m.setMatrixAt(i, dummy.matrix)
      }
      m.instanceMatrix.needsUpdate = true
    }
    const p = pulse(t)
    if (bridgeMat.current) bridgeMat.current.emissiveIntensity = s.highlight === 'footbridge' ? 0.15 + 0.35 * p : 0
    if (entranceMat.current) entranceMat.current.emissiveIntensity = s.highlight === 'home-door' || s.highlight === 'steps' ? 0.15 + 0.35 * p : 0
  })

  return (
    <group>
      <mesh geometry={shell}>
        <meshBasicMaterial vertexColors />
      </mesh>
      <mesh geometry={sky} renderOrder={-1}>
        <meshBasicMaterial vertexColors side={BackSide} fog={false} depthWrite={false} />
      </mesh>

      <WarningBoard stage={stage} live={live} />
      <FloodWater stage={stage} live={live} />
      <Whirlpool stage={stage} live={live} />
      <PowerLine stage={stage} live={live} />

      {/* the footbridge: the high way across. Tapping it = don't wade, go round and up */}
      <mesh name="footbridge" geometry={bridge} onClick={tap('flooded-road', 'road-footbridge')}>
        <meshLambertMaterial ref={bridgeMat} vertexColors emissive="#5fd0ff" emissiveIntensity={0} />
      </mesh>

      {/* home's entrance steps: higher ground, away from the pole and the billboard */}
      <mesh
        name="home-steps"
        geometry={entrance}
        onClick={(e) => {
          tap('heavy-rain-warning', 'rain-head-home')(e)
          tap('power-line', 'wire-keep-away')(e)
        }}
      >
        <meshLambertMaterial ref={entranceMat} vertexColors emissive="#5fd0ff" emissiveIntensity={0} />
      </mesh>

      {/* the billboard sways on its posts; tapping it = shelter under it */}
      <group ref={billboard} position={[BILLBOARD.x, 0, BILLBOARD.z]} name="billboard" onClick={tap('heavy-rain-warning', 'rain-shelter-billboard')}>
        <mesh geometry={posts}>
          <meshLambertMaterial vertexColors />
        </mesh>
        <mesh position={[0, BILLBOARD.y, 0]}>
          <boxGeometry args={[3, 1.6, 0.1]} />
          <meshLambertMaterial color={C.billboard} emissive="#1a3a5a" emissiveIntensity={0.3} />
        </mesh>
        <mesh position={[-0.6, BILLBOARD.y + 0.1, 0.06]}>
          <circleGeometry args={[0.45, 20]} />
          <meshBasicMaterial color="#ffd23f" />
        </mesh>
      </group>

      <instancedMesh ref={crowns} args={[undefined, undefined, TREES.length]}>
        <icosahedronGeometry args={[1, 1]} />
        <meshLambertMaterial color={C.crown} flatShading />
      </instancedMesh>

      <Suspense fallback={null}>
        <Label3D
          position={[FOOTBRIDGE.x - 1.13, FOOTBRIDGE.y, -7]}
          rotation={[0, -Math.PI / 2, 0]}
          fontSize={0.32}
          color="#ffffff"
          anchorX="center"
          anchorY="middle"
        >
          {ctx.t('scene.footbridge')}
        </Label3D>
      </Suspense>
    </group>
  )
}
