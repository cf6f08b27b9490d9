import { useFrame } from '@react-three/fiber'
import { useEffect, useRef } from 'react'
import type { Matrix4 } from 'three'

/** Where the idle reset hears about the student in VR (the shell's kiosk feature). */
export interface XRActivitySink {
  moved(): void
  presenting(on: boolean): void
}

/** Look every this many frames: at 72–120 Hz that is several times a second, and nearly free. */
const EVERY_FRAMES = 15
/** 1 cm, or about 2° of turn (a column of the rotation part moves by ~0.035): above a headset's jitter at rest. */
export const MOVE_M = 0.01
export const TURN = 0.035
const SLOTS = 3 // head + two controllers

/** Largest change between a pose and the one kept in `prev` at `at` (which it then replaces). */
export function change(m: Matrix4, prev: Float32Array, at: number): { move: number; turn: number } {
  const e = m.elements
  let move = 0
  let turn = 0
  for (let i = 0; i < 16; i++) {
    const d = Math.abs((e[i] ?? 0) - (prev[at + i] ?? 0))
    if (i >= 12 && i < 15) move = Math.max(move, d)
    else if (i % 4 !== 3) turn = Math.max(turn, d)
    prev[at + i] = e[i] ?? 0
  }
  return { move, turn }
}

/**
 * In an immersive session, tells the idle reset when the head or a controller moved, so a
 * student who is busy in VR is never reset. Reads the matrices three.js already keeps (no
 * allocation per frame) and only every EVERY_FRAMES frames.
 */
export function XRPoseWatch(props: { sink: XRActivitySink }) {
  const prev = useRef(new Float32Array(16 * SLOTS))
  const frame = useRef(0)
  const was = useRef(false)
  const { sink } = props
  useEffect(
    () => () => {
      if (was.current) sink.presenting(false)
    },
    [sink],
  )
  useFrame(({ gl }) => {
    const on = gl.xr.isPresenting
    if (on !== was.current) {
      was.current = on
      sink.presenting(on)
    }
    if (!on || ++frame.current % EVERY_FRAMES !== 0) return
    let moved = false
    const head = change(gl.xr.getCamera().matrixWorld, prev.current, 0)
    moved ||= head.move > MOVE_M || head.turn > TURN
    for (let i = 0; i < SLOTS - 1; i++) {
      const c = change(gl.xr.getController(i).matrixWorld, prev.current, 16 * (i + 1))
      moved ||= c.move > MOVE_M || c.turn > TURN
    }
    if (moved) sink.moved()
  })
  return null
}
