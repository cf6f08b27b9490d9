import { useEffect, useMemo, useRef, useState } from 'react'
import type { ThreeEvent } from '@react-three/fiber'
import type { Group, Mesh } from 'three'
import { Vector3 } from 'three'
import { checkPassportCode, formatPassportCode, type PassportCode } from '../../core/passport-code.ts'
import type { Lang } from '../../core/manifest-schema.ts'
import { tApp } from '../../i18n/translate.ts'
import { Label3D } from '../../sdk/text/label-3d.tsx'
import { GazeDwell } from '../../scene/gaze-dwell.tsx'
import { codeProblemMessage, statusMessage, useStationPassport, type Message, type PassportStatus } from '../passport/index.ts'
import { Button3D, ON_TOP } from './vr-panel.tsx'
import { KEY, KEYPAD_H, KEYPAD_W, KEYS, keyAt, keypadGeometry, keypadLabels, shownCode, typeKey, type KeyId } from './vr-keypad-layout.ts'

const W = 1.3

/**
 * Check-in inside the headset: the browser there has no camera and a controller keyboard is
 * tedious, so a large keypad of the card's symbols. The code is checked as it is on the flat
 * page (same problems, same words) and checked in through the same store and server question.
 * The keys are one merged mesh and their labels one texture; a key is found from where the ray
 * meets the mesh, and an empty object per key (`key-K`) marks its centre for aiming. Its texts
 * have no outline (troika draws an outline as a second draw call; the board behind is opaque enough).
 */
export function VRKeypad(props: { lang: Lang; confirm(code: PassportCode): Promise<PassportStatus>; onClose(): void }) {
  const t = (m: Message) => tApp(props.lang, m.key, m.vars)
  const panel = useRef<Group>(null)
  const [typed, setTyped] = useState('')
  const [message, setMessage] = useState<{ key: Message['key']; text: string; tone: 'error' | 'ok' } | null>(null)
  const [hover, setHover] = useState<KeyId | null>(null)
  const busy = useRef(false)
  const down = useRef<{ pointer: number; key: KeyId } | null>(null)
  const closed = useRef(false)
  const geometry = useMemo(() => keypadGeometry(), [])
  const labels = useMemo(() => keypadLabels(), [])
  useEffect(() => {
    // set again on mount: StrictMode runs mount, cleanup, mount (three re-uploads a disposed geometry)
    closed.current = false
    return () => {
      closed.current = true
      geometry.dispose()
      labels.dispose()
    }
  }, [geometry, labels])

  async function submit() {
    if (busy.current) return
    const check = checkPassportCode(typed)
    if (!check.ok) {
      const m = codeProblemMessage(check)
      return setMessage({ key: m.key, text: t(m), tone: 'error' })
    }
    busy.current = true
    setMessage({ key: 'checkin.checking', text: t({ key: 'checkin.checking' }), tone: 'ok' })
    const status = await props.confirm(check.code)
    busy.current = false
    if (closed.current) return
    const accepted = status === 'active' || status === 'unconfirmed'
    const m = statusMessage(status, formatPassportCode(check.code))
    setMessage({ key: m.key, text: t(m), tone: accepted ? 'ok' : 'error' })
    if (accepted) {
      useStationPassport.getState().checkIn(check.code, status === 'active')
      props.onClose()
    }
  }

  function press(key: KeyId) {
    if (key === 'ok') return void submit()
    setTyped((x) => typeKey(x, key))
    setMessage(null)
  }
  const local = new Vector3()
  const keyOf = (e: ThreeEvent<PointerEvent>) => {
    local.copy(e.point)
    ;(e.object as Mesh).worldToLocal(local)
    return keyAt(local.x, local.y)
  }
  const spot = hover ? KEYS.find((k) => k.id === hover) : undefined

  return (
    <>
      <GazeDwell target={panel} />
      <group ref={panel} position={[0, 1.5, -1.2]} name="vr-keypad" pointerEventsOrder={10} userData={{ typed, message: message?.key ?? '' }}>
        <mesh position={[0, -0.27, -0.02]} renderOrder={ON_TOP}>
          <planeGeometry args={[W, 0.95]} />
          <meshBasicMaterial color="#111814" transparent opacity={0.9} depthTest={false} />
        </mesh>
        <Label3D
          position={[0, 0.14, 0]}
          fontSize={0.045}
          maxWidth={W - 0.06}
          color="#ffe9b0"
          renderOrder={ON_TOP + 2}
          material-depthTest={false}
          outlineWidth={0}
        >
          {tApp(props.lang, 'checkin.typeTitle')}
        </Label3D>
        <Label3D position={[0, 0.06, 0]} fontSize={0.07} color="#ffffff" renderOrder={ON_TOP + 2} material-depthTest={false} outlineWidth={0}>
          {shownCode(typed)}
        </Label3D>
        {message && (
          <Label3D
            position={[0, -0.03, 0]}
            fontSize={0.032}
            maxWidth={W - 0.06}
            color={message.tone === 'error' ? '#ffb3a7' : '#c9f2d5'}
            renderOrder={ON_TOP + 2}
            material-depthTest={false}
            outlineWidth={0}
          >
            {message.text}
          </Label3D>
        )}
        <group position={[0, -0.32, 0]}>
          <mesh
            name="vr-keypad-keys"
            geometry={geometry}
            renderOrder={ON_TOP + 1}
            onPointerDown={(e) => {
              e.stopPropagation()
              const key = keyOf(e)
              down.current = key ? { pointer: e.pointerId, key } : null
            }}
            onPointerUp={(e) => {
              e.stopPropagation()
              const key = keyOf(e)
              // down then up on the same key: a child may hold the trigger for a second
              if (key && down.current?.pointer === e.pointerId && down.current.key === key) press(key)
              down.current = null
            }}
            onPointerMove={(e) => setHover(keyOf(e))}
            onPointerOut={() => {
              setHover(null)
              down.current = null
            }}
          >
            <meshBasicMaterial vertexColors depthTest={false} />
          </mesh>
          <mesh position={[0, 0, 0.007]} renderOrder={ON_TOP + 3} raycast={() => undefined}>
            <planeGeometry args={[KEYPAD_W, KEYPAD_H]} />
            <meshBasicMaterial map={labels} transparent depthTest={false} />
          </mesh>
          {spot && (
            <mesh position={[spot.x, spot.y, 0.0065]} renderOrder={ON_TOP + 2} raycast={() => undefined}>
              <planeGeometry args={[spot.w, KEY]} />
              <meshBasicMaterial color="#5a7a66" depthTest={false} />
            </mesh>
          )}
          {KEYS.map((k) => (
            <object3D key={k.id} name={`key-${k.id}`} position={[k.x, k.y, 0.007]} />
          ))}
        </group>
        <Button3D label={tApp(props.lang, 'checkin.vrCancel')} testId="vr-keypad-cancel" y={-0.68} onPress={props.onClose} />
      </group>
    </>
  )
}
