import { useFrame, type ThreeEvent } from '@react-three/fiber'
import { useMemo, useRef } from 'react'
import type { Group } from 'three'
import type { Hotspot } from '../../core/panorama.ts'
import { pulse } from '../../sdk/hooks.ts'
import { Label3D } from '../../sdk/text/label-3d.tsx'
import { direction, EYE_HEIGHT, HOTSPOT_DISTANCE } from './direction.ts'

/** How each kind looks: info (i), a way to another scene (arrow), a choice (?) */
const LOOK = {
  info: { color: '#1f6f8b', icon: 'i' },
  goto: { color: '#2e7d32', icon: '>' },
  choose: { color: '#c77700', icon: '?' },
} as const
export const hotspotKind = (h: Hotspot) => ('info' in h ? 'info' : 'goto' in h ? 'goto' : 'choose')
export const hotspotName = (h: Hotspot) => `hotspot:${'info' in h ? `info:${h.info}` : 'goto' in h ? `goto:${h.goto}` : `choose:${h.choose}`}`

/** A tap further than this from where the pointer went down was a drag to look around. */
const DRAG_PX = 8

/**
 * One hotspot: a round marker facing the viewer with its label below, pulsing gently. A tap,
 * click, controller ray or (in cardboard) a gaze held on it calls `onPress` — the gaze path is
 * the platform's GazeDwell, which presses whatever carries `userData.press`.
 */
export function HotspotMarker(props: { hotspot: Hotspot; label: string; visible?: boolean; subject?: string; onPress(): void }) {
  const { hotspot, label, onPress } = props
  const kind = hotspotKind(hotspot)
  const ring = useRef<Group>(null)
  const pos = useMemo(() => direction(hotspot.yaw, hotspot.pitch).multiplyScalar(HOTSPOT_DISTANCE).setY(0).toArray(), [hotspot])
  const y = EYE_HEIGHT + Math.sin((hotspot.pitch * Math.PI) / 180) * HOTSPOT_DISTANCE
  const shown = props.visible ?? true
  // a hidden hotspot (a choice whose step is not being asked) takes no tap and no gaze; a choice
  // names its step as what that step is about (userData.subject: the layout checks keep it clear of the panels)
  const userData = useMemo(() => ({ press: shown ? onPress : undefined, subject: props.subject }), [onPress, shown, props.subject])
  useFrame(({ clock }) => {
    if (ring.current) ring.current.scale.setScalar(1 + 0.12 * pulse(clock.elapsedTime))
  })
  const click = (e: ThreeEvent<MouseEvent>) => {
    if (e.delta > DRAG_PX || !shown) return
    e.stopPropagation()
    onPress()
  }
  return (
    <group name={hotspotName(hotspot)} position={[pos[0], y, pos[2]]} visible={shown} onUpdate={(g) => g.lookAt(0, EYE_HEIGHT, 0)} userData={userData}>
      <group ref={ring}>
        <mesh onClick={click} renderOrder={10}>
          <circleGeometry args={[0.18, 32]} />
          <meshBasicMaterial color={LOOK[kind].color} transparent opacity={0.92} depthTest={false} />
        </mesh>
        <mesh renderOrder={11}>
          <ringGeometry args={[0.18, 0.22, 32]} />
          <meshBasicMaterial color="#ffffff" depthTest={false} />
        </mesh>
      </group>
      <Label3D position={[0, 0, 0.01]} fontSize={0.2} renderOrder={12}>
        {LOOK[kind].icon}
      </Label3D>
      {label && (
        // large, with a heavy outline: the label sits on sky, gravel or water, and a plate behind it would cost a draw call per hotspot
        <Label3D position={[0, -0.42, 0]} fontSize={0.18} maxWidth={1.8} outlineWidth="14%" outlineOpacity={1} renderOrder={12}>
          {label}
        </Label3D>
      )}
    </group>
  )
}

/** An info hotspot's text, shown under it on a dark card until tapped again or another opens. */
export function InfoCard(props: { hotspot: Hotspot; text: string }) {
  const { hotspot } = props
  const pos = useMemo(() => direction(hotspot.yaw, hotspot.pitch - 9).multiplyScalar(HOTSPOT_DISTANCE - 0.2), [hotspot])
  return (
    <group name="panorama-info-card" position={[pos.x, pos.y + EYE_HEIGHT, pos.z]} onUpdate={(g) => g.lookAt(0, EYE_HEIGHT, 0)}>
      <mesh renderOrder={20}>
        <planeGeometry args={[2.3, 0.95]} />
        <meshBasicMaterial color="#0b0f14" transparent opacity={0.82} depthTest={false} />
      </mesh>
      <Label3D position={[0, 0, 0.01]} fontSize={0.14} maxWidth={2.1} renderOrder={21}>
        {props.text}
      </Label3D>
    </group>
  )
}
