import { useFrame } from '@react-three/fiber'
import { Label3D, pulse, useExhibit, useTapChoice } from '@sophora/sdk'
import { Suspense, useLayoutEffect, useRef } from 'react'
import { Object3D, type Group, type InstancedMesh, type MeshBasicMaterial } from 'three'
import { COLORS as C, WHIRLPOOL } from './layout.ts'
import type { PartProps } from './part-props.ts'
import type zh from '../locales/zh-CN.json'

const ARMS = 4

/**
 * A whirlpool over an open manhole: a dark funnel, foam arms circling it (one instanced
 * draw call) and, once understood, a warning sign. Tapping it = "that's a manhole: go
 * around and warn people".
 */
export function Whirlpool({ stage, live }: PartProps) {
  const ctx = useExhibit<typeof zh>()
  const tap = useTapChoice()
  const spin = useRef<Group>(null)
  const root = useRef<Group>(null)
  const arms = useRef<InstancedMesh>(null)
  const foam = useRef<MeshBasicMaterial>(null)

  useLayoutEffect(() => {
    const m = arms.current
    if (!m) return
    const o = new Object3D()
    for (let i = 0; i < ARMS; i++) {
      const r = 0.3 + i * 0.2
      o.position.set(0, 0.01 + i * 0.004, 0)
      o.rotation.set(-Math.PI / 2, 0, i * 1.7)
      o.scale.setScalar(r)
      o.updateMatrix()
      m.setMatrixAt(i, o.matrix)
    }
    m.instanceMatrix.needsUpdate = true
  }, [])

  useFrame(({ clock }, dt) => {
    const s = live.current
    if (spin.current) spin.current.rotation.y -= dt * 2.2
    if (root.current) root.current.position.y = s.water
    if (foam.current) foam.current.opacity = s.highlight === 'whirlpool' ? 0.5 + 0.4 * pulse(clock.elapsedTime) : 0.75
  })

  return (
    <group ref={root} position={[WHIRLPOOL.x, stage.water, WHIRLPOOL.z]} visible={stage.whirlpool}>
      <group name="whirlpool" onClick={tap('whirlpool', 'whirlpool-manhole')}>
        <mesh rotation={[-Math.PI / 2, 0, 0]} position={[0, 0.004, 0]}>
          <circleGeometry args={[1.05, 24]} />
          <meshBasicMaterial color="#4a4634" transparent opacity={0.85} depthWrite={false} />
        </mesh>
        <mesh rotation={[-Math.PI / 2, 0, 0]} position={[0, 0.006, 0]}>
          <circleGeometry args={[0.28, 16]} />
          <meshBasicMaterial color="#15140f" />
        </mesh>
        <group ref={spin}>
          <instancedMesh ref={arms} args={[undefined, undefined, ARMS]} frustumCulled={false}>
            <torusGeometry args={[1, 0.07, 3, 20, Math.PI * 1.2]} />
            <meshBasicMaterial ref={foam} color={C.foam} transparent opacity={0.75} depthWrite={false} />
          </instancedMesh>
        </group>
      </group>
      <Suspense fallback={null}>
        <Label3D
          visible={stage.whirlpool && (stage.stepId !== 'whirlpool' || stage.done)}
          position={[0, 1.3, 0]}
          fontSize={0.3}
          color={C.warnYellow}
          outlineWidth={0.02}
          outlineColor="#2a1a00"
          anchorX="center"
          anchorY="middle"
        >
          {ctx.t('scene.manhole')}
        </Label3D>
      </Suspense>
    </group>
  )
}
