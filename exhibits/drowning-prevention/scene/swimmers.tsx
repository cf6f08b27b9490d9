import { useFrame } from '@react-three/fiber'
import { REDUCED_MOTION_SCALE, useReducedMotion, useTapChoice, useTracked, type Part } from '@sophora/sdk'
import { useRef, type RefObject } from 'react'
import { SphereGeometry, type Group } from 'three'
import { armGeometry, armsOut, swimmerHead } from './figures.ts'
import { POND, SWIM } from './layout.ts'
import type { Stage } from './stage.ts'

const SHOULDER_Y = -0.04
const SHOULDER_X = 0.19

/**
 * The three children in the pond. Two play loudly (one splashing with both arms, one waving and
 * laughing, heads and shoulders well out of the water); the third drowns the way people really
 * drown: quiet, head low and tilted back, mouth bobbing at the waterline, arms out to the sides
 * pressing down on the water. Tapping one of them answers the "spot" step.
 */
export function Swimmers({ stage, live }: { stage: Stage; live: RefObject<Stage> }) {
  const tap = useTapChoice()
  const reduced = useReducedMotion()
  const arm = useTracked(() => armGeometry())
  const heads = {
    // the splasher's spray moves with them: one mesh, not two
    splash: useTracked(() => swimmerHead({ shirt: '#e53935', shorts: '#e53935', cap: '#ffca28' }, 0.32, spray())),
    wave: useTracked(() => swimmerHead({ shirt: '#8e24aa', shorts: '#8e24aa', cap: '#ec407a' }, 0.3)),
    quiet: useTracked(() => swimmerHead({ shirt: '#1e88e5', shorts: '#1e88e5', cap: '#43a047' }, 0, armsOut(-0.03))),
  }
  const splashG = useRef<Group>(null)
  const waveG = useRef<Group>(null)
  const quietG = useRef<Group>(null)
  const splashL = useRef<Group>(null)
  const splashR = useRef<Group>(null)
  const waveR = useRef<Group>(null)
  const k = reduced ? REDUCED_MOTION_SCALE : 1

  useFrame(({ clock }) => {
    const t = clock.elapsedTime
    const s = live.current
    if (!s) return
    if (splashG.current) splashG.current.position.y = POND.water + 0.03 * k * Math.sin(t * 3)
    if (splashL.current) splashL.current.rotation.z = -2.2 - 0.6 * k * Math.sin(t * 6)
    if (splashR.current) splashR.current.rotation.z = 2.2 - 0.6 * k * Math.sin(t * 6 + 1.6)
    if (waveG.current) waveG.current.position.y = POND.water + 0.02 * k * Math.sin(t * 2)
    if (waveR.current) waveR.current.rotation.z = 2.6 + 0.35 * k * Math.sin(t * 5)
    const q = quietG.current
    if (q) {
      // afloat on the ring: higher and still; drowning: sinking and rising at the waterline
      q.position.y = POND.water + (s.drowning === 'afloat' ? 0.14 : -0.015 + 0.045 * k * Math.sin(t * 2.4))
      q.rotation.x = s.drowning === 'afloat' ? 0 : -0.3
    }
  })

  const quietShown = stage.drowning === 'struggling' || stage.drowning === 'afloat'
  return (
    <group>
      <group ref={splashG} position={[SWIM.splash.x, POND.water, SWIM.splash.z]} visible={stage.players}>
        <mesh geometry={heads.splash}>
          <meshLambertMaterial vertexColors />
        </mesh>
        <group ref={splashL} position={[-SHOULDER_X, 0.26 + SHOULDER_Y, 0]}>
          <mesh geometry={arm}>
            <meshLambertMaterial vertexColors />
          </mesh>
        </group>
        <group ref={splashR} position={[SHOULDER_X, 0.26 + SHOULDER_Y, 0]}>
          <mesh geometry={arm}>
            <meshLambertMaterial vertexColors />
          </mesh>
        </group>
        <HitArea y={0.3} onClick={tap('spot', 'spot-splashing')} name="swimmer-splashing" />
      </group>
      <group ref={waveG} position={[SWIM.wave.x, POND.water, SWIM.wave.z]} visible={stage.players}>
        <mesh geometry={heads.wave}>
          <meshLambertMaterial vertexColors />
        </mesh>
        <group ref={waveR} position={[SHOULDER_X, 0.26 + SHOULDER_Y, 0]}>
          <mesh geometry={arm}>
            <meshLambertMaterial vertexColors />
          </mesh>
        </group>
        <HitArea y={0.35} onClick={tap('spot', 'spot-waving')} name="swimmer-waving" />
      </group>
      <group ref={quietG} position={[SWIM.quiet.x, POND.water, SWIM.quiet.z]} visible={quietShown || stage.players}>
        <mesh geometry={heads.quiet}>
          <meshLambertMaterial vertexColors />
        </mesh>
        <HitArea y={0.05} onClick={tap('spot', 'spot-quiet')} name="swimmer-quiet" />
      </group>
    </group>
  )
}

/** White spray on the water around the splasher, as pieces of their mesh. */
function spray(): Part[] {
  return [0, 1, 2, 3, 4, 5].map((i) => ({
    geo: new SphereGeometry(0.07 + (i % 2) * 0.03, 8, 6).translate(Math.cos(i) * 0.42, 0.02, Math.sin(i) * 0.3 + 0.1),
    color: '#e3f4ff',
  }))
}

/** An invisible, generous tap target around a head in the water (never drawn, still hit by rays). */
function HitArea({ y, name, onClick }: { y: number; name: string; onClick: ReturnType<ReturnType<typeof useTapChoice>> }) {
  return (
    <mesh name={name} position-y={y} onClick={onClick}>
      <sphereGeometry args={[0.42, 10, 8]} />
      <meshBasicMaterial visible={false} />
    </mesh>
  )
}
