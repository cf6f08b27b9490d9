import { Euler, Matrix4, Quaternion, Vector3 } from 'three'
import { describe, expect, it } from 'vitest'
import { change, MOVE_M, TURN } from '../xr-pose-watch.tsx'

const pose = (x: number, yawDeg: number) =>
  new Matrix4().compose(new Vector3(x, 1.6, 0), new Quaternion().setFromEuler(new Euler(0, (yawDeg * Math.PI) / 180, 0)), new Vector3(1, 1, 1))
const moved = (c: { move: number; turn: number }) => c.move > MOVE_M || c.turn > TURN

describe('XR pose watch: what counts as the student moving', () => {
  it('a still head (or tracking jitter under 1 cm / 1°) is not movement; a 2 cm step or a 3° turn is', () => {
    const prev = new Float32Array(16)
    change(pose(0, 0), prev, 0)
    expect(moved(change(pose(0, 0), prev, 0))).toBe(false)
    expect(moved(change(pose(0.004, 0.5), prev, 0))).toBe(false)
    expect(moved(change(pose(0.024, 0.5), prev, 0))).toBe(true)
    expect(moved(change(pose(0.024, 3.5), prev, 0))).toBe(true)
  })

  it('each tracked thing keeps its own slot', () => {
    const prev = new Float32Array(32)
    change(pose(0, 0), prev, 0)
    change(pose(5, 90), prev, 16)
    expect(moved(change(pose(0, 0), prev, 0))).toBe(false)
    expect(moved(change(pose(5, 90), prev, 16))).toBe(false)
  })
})
