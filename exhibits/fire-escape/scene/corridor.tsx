import { useFrame } from '@react-three/fiber'
import { bakedGeometry, Label3D, pulse, useExhibit, useReducedMotion, useTapChoice, useTracked } from '@sophora/sdk'
import { Suspense, useLayoutEffect, useRef } from 'react'
import { Color, Object3D, type Group, type InstancedMesh, type MeshBasicMaterial, type MeshLambertMaterial } from 'three'
import { ALARM_BELL, COLORS as C, HALF_W, HOT_DOOR, LIFT, LOW_SIGNS_Z, STAIR_DOOR } from './layout.ts'
import type { PartProps } from './part-props.ts'
import corridorLight from './corridor.bake.ts?bake'
import { SIGNS } from './signs.ts'
import type zh from '../locales/zh-CN.json'

const EXIT = new Color(SIGNS.exit.background)
const GLOW = new Color(C.fireOrange)
/** How far the stairwell door swings into the corridor when it stands open (radians). */
const STAIR_DOOR_OPEN = 1.2

/** The school corridor: the static shell plus the things that react to the run. */
export function Corridor({ stage, live }: PartProps) {
  const ctx = useExhibit<typeof zh>()
  const tap = useTapChoice()
  const reduced = useReducedMotion()
  // lamps, fire glow, ambient occlusion and a bounce, ray-cast at build time (corridor.bake.ts)
  const shell = useTracked(() => bakedGeometry(corridorLight))
  const hotDoor = useRef<MeshLambertMaterial>(null)
  const gap = useRef<MeshBasicMaterial>(null)
  const bell = useRef<MeshLambertMaterial>(null)
  const exit = useRef<MeshBasicMaterial>(null)
  const stairs = useRef<MeshLambertMaterial>(null)
  const stairHinge = useRef<Group>(null)
  const lowSigns = useRef<InstancedMesh>(null)
  const lowMat = useRef<MeshBasicMaterial>(null)

  useLayoutEffect(() => {
    const m = lowSigns.current
    if (!m) return
    const o = new Object3D()
    LOW_SIGNS_Z.forEach((z, i) => {
      for (const side of [-1, 1]) {
        o.position.set(side * (HALF_W - 0.015), 0.45, z)
        o.updateMatrix()
        m.setMatrixAt(i * 2 + (side > 0 ? 1 : 0), o.matrix)
      }
    })
    m.instanceMatrix.needsUpdate = true
  }, [])

  useFrame(({ clock }, dt) => {
    const s = live.current
    const t = clock.elapsedTime
    const p = pulse(t)
    if (hotDoor.current) {
      hotDoor.current.emissiveIntensity = s.doorTested ? 0.5 + 0.08 * Math.sin(t * 5) : s.highlight === 'hot-door' ? 0.12 + 0.25 * p : 0.1
    }
    if (gap.current) gap.current.color.copy(GLOW).multiplyScalar(0.75 + 0.2 * Math.sin(t * 6.1) + 0.05 * Math.sin(t * 15.3))
    if (bell.current) bell.current.emissiveIntensity = s.alarm ? 0.3 + 0.7 * (reduced ? 0.8 : 0.5 + 0.5 * Math.sin(t * Math.PI * 2)) : 0.05
    if (exit.current) exit.current.color.copy(EXIT).multiplyScalar(s.highlight === 'exit' ? 1 + 0.7 * p : 1)
    if (stairs.current) stairs.current.emissiveIntensity = s.highlight === 'stairs' || s.highlight === 'stair-door' ? 0.15 + 0.35 * p : 0
    const hinge = stairHinge.current
    if (hinge) hinge.rotation.y += ((s.stairDoorOpen ? STAIR_DOOR_OPEN : 0) - hinge.rotation.y) * (1 - Math.exp(-dt * 3))
    if (lowMat.current) lowMat.current.color.copy(EXIT).multiplyScalar(s.highlight === 'low-signs' ? 1 + 0.9 * p : 1)
  })

  const door = { x: HOT_DOOR.x + 0.05, z: HOT_DOOR.z }
  return (
    <group>
      <mesh geometry={shell}>
        <meshBasicMaterial vertexColors />
      </mesh>

      {/* the hot door: fire behind it, warm light leaking at the gap and the little window */}
      <mesh position={[door.x, 1.05, door.z]} onClick={tap('door', 'door-back-of-hand')}>
        <boxGeometry args={[0.06, 2.1, 1]} />
        <meshLambertMaterial ref={hotDoor} color={C.doorWood} emissive="#ff3000" emissiveIntensity={0.1} />
      </mesh>
      <mesh position={[door.x - 0.005, 1.05, door.z]}>
        <boxGeometry args={[0.04, 2.16, 1.06]} />
        <meshBasicMaterial ref={gap} color={C.fireOrange} />
      </mesh>

      {/* the alarm bell */}
      <mesh position={ALARM_BELL} rotation={[0, 0, Math.PI / 2]}>
        <cylinderGeometry args={[0.13, 0.13, 0.08, 16]} />
        <meshLambertMaterial ref={bell} color={C.warnRed} emissive="#ff0000" emissiveIntensity={0.05} />
      </mesh>

      {/* green evacuation signs low on both walls: what you see when you crouch */}
      <instancedMesh ref={lowSigns} args={[undefined, undefined, LOW_SIGNS_Z.length * 2]} onClick={tap('low', 'low-crouch')}>
        <boxGeometry args={[0.02, 0.14, 0.34]} />
        <meshBasicMaterial ref={lowMat} color={C.exitGreen} />
      </instancedMesh>

      {/* stairwell: door, blade sign and the exit sign above. Tapping any of it = take the stairs.
          Once through, the door stands open (hinged at its near edge) until it is tapped shut. */}
      <group onClick={tap('stairs', 'stairs-take-stairs')}>
        <mesh position={[HALF_W - 0.016, 1.05, STAIR_DOOR.z]}>
          <boxGeometry args={[0.004, 2.1, 1]} />
          <meshBasicMaterial color="#2b3034" />
        </mesh>
        <group ref={stairHinge} position={[STAIR_DOOR.x - 0.05, 0, STAIR_DOOR.z + 0.5]}>
          <mesh name="fire-stair-door" position={[0, 1.05, -0.5]} onClick={tap('close-door', 'close-door-shut')}>
            <boxGeometry args={[0.06, 2.1, 1]} />
            <meshLambertMaterial ref={stairs} color="#7b8d84" emissive={C.exitGreen} emissiveIntensity={0} />
          </mesh>
        </group>
        <mesh position={[HALF_W - 0.3, 2.05, -5.75]}>
          <boxGeometry args={[0.6, 0.28, 0.04]} />
          <meshBasicMaterial color={SIGNS.stairs.background} />
        </mesh>
      </group>
      <mesh position={[0.9, 2.62, -5.8]} onClick={tap('alarm', 'alarm-leave')}>
        <boxGeometry args={[1, 0.3, 0.05]} />
        <meshBasicMaterial ref={exit} color={SIGNS.exit.background} />
      </mesh>

      {/* lift: doors, blade sign and the warning stand. Tapping any of it = take the lift */}
      <group onClick={tap('stairs', 'stairs-take-lift')}>
        <mesh position={[LIFT.x + 0.05, 1.1, LIFT.z]}>
          <boxGeometry args={[0.05, 2.2, 1.2]} />
          <meshLambertMaterial color={C.steel} />
        </mesh>
        <mesh position={[-HALF_W + 0.3, 2.05, -5.75]}>
          <boxGeometry args={[0.6, 0.28, 0.04]} />
          <meshBasicMaterial color={SIGNS.lift.background} />
        </mesh>
        <mesh position={[-0.9, 1.15, -5.62]}>
          <boxGeometry args={[0.74, 0.41, 0.02]} />
          <meshBasicMaterial color={SIGNS.liftWarning.background} />
        </mesh>
      </group>

      <Suspense fallback={null}>
        <Label3D position={[0.9, 2.62, -5.77]} fontSize={0.12} color={SIGNS.exit.text} anchorX="center" anchorY="middle" maxWidth={0.95}>
          {ctx.t('scene.exit')}
        </Label3D>
        <Label3D position={[HALF_W - 0.3, 2.05, -5.725]} fontSize={0.14} color={SIGNS.stairs.text} anchorX="center" anchorY="middle" maxWidth={0.55}>
          {ctx.t('scene.stairs')}
        </Label3D>
        <Label3D position={[-HALF_W + 0.3, 2.05, -5.725]} fontSize={0.14} color={SIGNS.lift.text} anchorX="center" anchorY="middle" maxWidth={0.55}>
          {ctx.t('scene.lift')}
        </Label3D>
        <Label3D
          position={[-0.9, 1.15, -5.6]}
          fontSize={0.085}
          color={SIGNS.liftWarning.text}
          anchorX="center"
          anchorY="middle"
          maxWidth={0.66}
          textAlign="center"
        >
          {ctx.t('scene.lift-warning')}
        </Label3D>
        <Label3D
          visible={stage.doorTested}
          position={[HOT_DOOR.x + 0.45, 2.45, HOT_DOOR.z]}
          rotation={[0, 0.5, 0]}
          fontSize={0.16}
          color={SIGNS.hot.text}
          outlineWidth={0.012}
          outlineColor={SIGNS.hot.background}
          anchorX="center"
          anchorY="middle"
        >
          {ctx.t('scene.hot')}
        </Label3D>
      </Suspense>
    </group>
  )
}
