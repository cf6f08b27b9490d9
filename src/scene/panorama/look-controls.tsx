import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useState } from 'react'
import { Euler, MathUtils, Quaternion, Vector3 } from 'three'

const Z = new Vector3(0, 0, 1)
const Y = new Vector3(0, 1, 0)
// the device looks out of its back, not down its top
const SCREEN_TO_CAMERA = new Quaternion(-Math.sqrt(0.5), 0, 0, Math.sqrt(0.5))
const euler = new Euler()
const turn = new Quaternion()
const q = new Quaternion()

interface Look {
  /** degrees; + right */
  yaw: number
  /** degrees; + up */
  pitch: number
  /** the phone's own orientation, once it reports one (radians, DeviceOrientationEvent) */
  gyro: { alpha: number; beta: number; gamma: number; alpha0: number } | null
}

/**
 * Flat mode: drag to look around (mouse or finger, "grab the picture"), and on a phone or tablet
 * the device's orientation turns the view as it turns. In a headset the headset moves the camera
 * and this does nothing. The shared stage camera is put back as it was on unmount, so the next
 * exhibit starts looking straight ahead. Nothing is allocated per frame.
 */
export function LookControls() {
  const camera = useThree((s) => s.camera)
  const gl = useThree((s) => s.gl)
  // one mutable object for the whole mount: events write it, the frame loop reads it
  const [look] = useState<Look>(() => ({ yaw: 0, pitch: 0, gyro: null }))
  useEffect(() => {
    const saved = camera.quaternion.clone()
    const el = gl.domElement
    const touchAction = el.style.touchAction
    el.style.touchAction = 'none'
    let drag: { x: number; y: number; yaw: number; pitch: number; id: number } | null = null
    const userSelect = document.body.style.userSelect
    const down = (e: PointerEvent) => {
      drag = { x: e.clientX, y: e.clientY, yaw: look.yaw, pitch: look.pitch, id: e.pointerId }
      // a drag that leaves the canvas would otherwise select the page's text
      document.body.style.userSelect = 'none'
    }
    const move = (e: PointerEvent) => {
      if (!drag || e.pointerId !== drag.id) return
      const perPixel = (camera as { fov?: number }).fov! / Math.max(1, el.clientHeight)
      look.yaw = drag.yaw - (e.clientX - drag.x) * perPixel
      look.pitch = MathUtils.clamp(drag.pitch + (e.clientY - drag.y) * perPixel, -85, 85)
    }
    const up = () => {
      drag = null
      document.body.style.userSelect = userSelect
    }
    const orient = (e: DeviceOrientationEvent) => {
      if (e.alpha === null || e.beta === null || e.gamma === null) return
      const r = MathUtils.degToRad
      look.gyro = { alpha: r(e.alpha), beta: r(e.beta), gamma: r(e.gamma), alpha0: look.gyro?.alpha0 ?? r(e.alpha) }
    }
    el.addEventListener('pointerdown', down)
    window.addEventListener('pointermove', move)
    window.addEventListener('pointerup', up)
    window.addEventListener('pointercancel', up)
    window.addEventListener('deviceorientation', orient)
    return () => {
      el.removeEventListener('pointerdown', down)
      window.removeEventListener('pointermove', move)
      window.removeEventListener('pointerup', up)
      window.removeEventListener('pointercancel', up)
      window.removeEventListener('deviceorientation', orient)
      el.style.touchAction = touchAction
      document.body.style.userSelect = userSelect
      camera.quaternion.copy(saved)
    }
  }, [camera, gl, look])
  useFrame(() => {
    if (gl.xr.isPresenting) return
    const g = look.gyro
    if (g) {
      // three's former DeviceOrientationControls; the first reading faces straight ahead, dragging adds a turn
      euler.set(g.beta, g.alpha - g.alpha0, -g.gamma, 'YXZ')
      q.setFromEuler(euler).multiply(SCREEN_TO_CAMERA)
      q.multiply(turn.setFromAxisAngle(Z, -MathUtils.degToRad(screen.orientation?.angle ?? 0)))
      camera.quaternion.copy(turn.setFromAxisAngle(Y, -MathUtils.degToRad(look.yaw))).multiply(q)
    } else {
      euler.set(MathUtils.degToRad(look.pitch), -MathUtils.degToRad(look.yaw), 0, 'YXZ')
      camera.quaternion.setFromEuler(euler)
    }
  })
  return null
}
