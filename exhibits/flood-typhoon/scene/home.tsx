import { useFrame } from '@react-three/fiber'
import { bakedGeometry, Label3D, mergeBoxes, pulse, useExhibit, useTapChoice, useTracked } from '@sophora/sdk'
import { Suspense, useRef } from 'react'
import { Color, type Mesh, type MeshBasicMaterial, type MeshLambertMaterial } from 'three'
import { actionOf, levelOf } from '../warnings.ts'
import { COLORS as C, HOME_DOOR, ROOM, STRIP, SWITCH_BOX, TV, WINDOW } from './layout.ts'
import type { PartProps } from './part-props.ts'
import roomLight from './room.bake.ts?bake'
import { stairParts } from './shell-parts.ts'
import type zh from '../locales/zh-CN.json'

const STORM = new Color(C.skyStorm).multiplyScalar(0.7)
const CALM = new Color(C.skyCalm)
const WX = (WINDOW.x0 + WINDOW.x1) / 2
const WY = (WINDOW.y0 + WINDOW.y1) / 2

/**
 * Home in the typhoon: water coming in on the ground floor (main switch, plugs, stairs up),
 * then upstairs as the eye passes (window, door, TV with the warning still in force).
 */
export function Home({ stage, live }: PartProps) {
  const ctx = useExhibit<typeof zh>()
  const tap = useTapChoice()
  // window daylight, the ceiling lamp, occlusion and a bounce, ray-cast at build time (room.bake.ts)
  const room = useTracked(() => bakedGeometry(roomLight))
  const roomMat = useRef<MeshBasicMaterial>(null)
  const bright = useRef(1)
  const stairs = useTracked(() => mergeBoxes(stairParts()))
  const sky = useRef<MeshBasicMaterial>(null)
  const sun = useRef<Mesh>(null)
  const water = useRef<Mesh>(null)
  const box = useRef<MeshLambertMaterial>(null)
  const tv = useRef<MeshBasicMaterial>(null)
  const lamp = useRef<MeshBasicMaterial>(null)
  const lever = useRef<Mesh>(null)
  const level = useRef(0)
  const calm = useRef(0)
  const warning = levelOf(stage.warning)

  useFrame(({ clock }, dt) => {
    const s = live.current
    const t = clock.elapsedTime
    calm.current += ((s.calm ? 1 : 0) - calm.current) * (1 - Math.exp(-dt * 1.2))
    if (sky.current) sky.current.color.copy(STORM).lerp(CALM, calm.current)
    // the bake holds the lamp on under a grey sky: dimmer when the power is cut, brighter in the eye
    bright.current += ((s.calm ? 1.12 : s.powerCut ? 0.62 : 1) - bright.current) * (1 - Math.exp(-dt * 3))
    if (roomMat.current) roomMat.current.color.setScalar(bright.current)
    if (sun.current) sun.current.visible = calm.current > 0.05
    // the water creeps in under the door while the step is open
    level.current += (s.water - level.current) * (1 - Math.exp(-dt * 0.6))
    if (water.current) {
      water.current.visible = !s.upstairs && level.current > 0.005
      water.current.position.y = level.current
    }
    const p = pulse(t)
    if (box.current) box.current.emissiveIntensity = s.highlight === 'switch' ? 0.15 + 0.45 * p : 0
    if (tv.current) tv.current.color.set(C.tvScreen).multiplyScalar(s.highlight === 'tv' ? 1 + 2 * p : 1)
    if (lamp.current) lamp.current.color.set(s.powerCut ? '#55524a' : C.lamp)
    if (lever.current) lever.current.rotation.z = s.powerCut ? -0.6 : 0.6
  })

  return (
    <group>
      <mesh geometry={room}>
        <meshBasicMaterial ref={roomMat} vertexColors />
      </mesh>
      <mesh geometry={stairs} visible={!stage.upstairs}>
        <meshLambertMaterial vertexColors />
      </mesh>
      {/* the ceiling lamp goes dark when the power is cut */}
      <mesh position={[0, ROOM.h - 0.04, -1.2]}>
        <boxGeometry args={[0.7, 0.05, 0.7]} />
        <meshBasicMaterial ref={lamp} color={C.lamp} />
      </mesh>

      {/* the view out of the window: storm grey, or calm blue with the sun in the eye */}
      <mesh name="window" position={[WX, WY, ROOM.back - 0.12]} onClick={tap('typhoon-eye', 'eye-window-photo')}>
        <planeGeometry args={[WINDOW.x1 - WINDOW.x0, WINDOW.y1 - WINDOW.y0]} />
        <meshBasicMaterial ref={sky} color={STORM} />
      </mesh>
      <mesh ref={sun} position={[WX + 0.45, WY + 0.35, ROOM.back - 0.11]} visible={false}>
        <circleGeometry args={[0.16, 20]} />
        <meshBasicMaterial color="#fff3b0" />
      </mesh>

      {/* the main switch: tapping it = cut the power (an adult does it, dry hands) */}
      <group name="main-switch" position={SWITCH_BOX} onClick={tap('water-at-home', 'home-power-off')}>
        <mesh>
          <boxGeometry args={[0.1, 0.5, 0.42]} />
          <meshLambertMaterial ref={box} color={C.switchBox} emissive="#ffe066" emissiveIntensity={0} />
        </mesh>
        <mesh ref={lever} position={[0.07, 0, 0]}>
          <boxGeometry args={[0.05, 0.16, 0.07]} />
          <meshLambertMaterial color={C.lever} />
        </mesh>
      </group>

      {/* a power strip on the floor, about to go under: tapping it = unplug things standing in water */}
      <mesh name="power-strip" position={STRIP} visible={!stage.upstairs} onClick={tap('water-at-home', 'home-unplug-wet')}>
        <boxGeometry args={[0.4, 0.05, 0.11]} />
        <meshLambertMaterial color="#f2f2ee" />
      </mesh>

      {/* the door: tapping it in the eye = go out */}
      <mesh name="door" position={[-ROOM.hw + 0.06, 1.05, HOME_DOOR.z]} onClick={tap('typhoon-eye', 'eye-go-out')}>
        <boxGeometry args={[0.05, 2.1, 1]} />
        <meshLambertMaterial color={C.door} />
      </mesh>

      {/* the TV: the warning is still in force. Tapping it = listen to it and stay inside */}
      <group name="tv" position={TV} onClick={tap('typhoon-eye', 'eye-stay-inside')}>
        <mesh>
          <boxGeometry args={[1.45, 0.86, 0.06]} />
          <meshBasicMaterial color="#0a0a0a" />
        </mesh>
        <mesh position={[0, 0, 0.032]}>
          <planeGeometry args={[1.35, 0.76]} />
          <meshBasicMaterial ref={tv} color={C.tvScreen} />
        </mesh>
        <mesh position={[0, 0.12, 0.034]}>
          <planeGeometry args={[1.35, 0.24]} />
          <meshBasicMaterial color={warning.colour} />
        </mesh>
      </group>

      <mesh ref={water} rotation={[-Math.PI / 2, 0, 0]} position={[0, 0, (ROOM.front + ROOM.back) / 2]} visible={false}>
        <planeGeometry args={[2 * ROOM.hw, ROOM.front - ROOM.back]} />
        <meshPhongMaterial color={C.floodIndoor} shininess={120} specular="#ffffff" transparent opacity={0.8} depthWrite={false} />
      </mesh>

      <Suspense fallback={null}>
        <Label3D position={[TV[0], TV[1] + 0.12, TV[2] + 0.045]} fontSize={0.11} color={warning.ink} anchorX="center" anchorY="middle" maxWidth={1.3}>
          {ctx.t(`scene.now.${stage.warning}`)}
        </Label3D>
        <Label3D
          position={[TV[0], TV[1] - 0.12, TV[2] + 0.045]}
          fontSize={0.075}
          color="#ffffff"
          anchorX="center"
          anchorY="middle"
          maxWidth={1.3}
          textAlign="center"
        >
          {ctx.t(actionOf(stage.warning))}
        </Label3D>
        <Label3D
          position={[SWITCH_BOX[0] + 0.08, SWITCH_BOX[1] + 0.42, SWITCH_BOX[2]]}
          rotation={[0, Math.PI / 2, 0]}
          fontSize={0.12}
          color="#222222"
          outlineWidth={0}
          anchorX="center"
          anchorY="middle"
        >
          {ctx.t('scene.switch')}
        </Label3D>
        <Label3D
          visible={stage.stepId === 'water-at-home' && stage.done}
          position={[ROOM.hw - 0.6, 2.3, -1.6]}
          rotation={[0, -0.6, 0]}
          fontSize={0.16}
          color="#ffffff"
          anchorX="center"
          anchorY="middle"
        >
          {ctx.t('scene.upstairs')}
        </Label3D>
        <Label3D
          visible={stage.stepId === 'typhoon-eye' && stage.done}
          position={[WX, WINDOW.y1 + 0.28, ROOM.back + 0.1]}
          fontSize={0.13}
          color={C.warnYellow}
          outlineWidth={0.012}
          outlineColor="#2a1a00"
          anchorX="center"
          anchorY="middle"
        >
          {ctx.t('scene.eye')}
        </Label3D>
      </Suspense>
    </group>
  )
}
