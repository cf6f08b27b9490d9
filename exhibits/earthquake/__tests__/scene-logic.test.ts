import { describe, expect, it } from 'vitest'
import { DESK, PLATFORM_H, ROOM, TEACHER_DESK, UNDER_DESK } from '../scene/layout.ts'
import { mergeBoxes } from '@sophora/sdk'
import { classFigures, FIGURE_TOP, playgroundFigures } from '../scene/people.ts'
import { fallers, fallPose, lampSwing, shakeOffset, SHAKE_AMP, type Pose } from '../scene/quake-motion.ts'
import * as parts from '../scene/shell-parts.ts'
import { stageOf } from '../scene/stage.ts'
import { steps } from '../steps.ts'

const ids = steps.map((s) => s.id)
const upTo = (id: string) => ids.slice(0, ids.indexOf(id))
const at = (id: string, done = false) => stageOf('step', id, done, done ? [...upTo(id), id] : upTo(id))

describe('earthquake stage', () => {
  it('is calm in the intro, shakes from the first step until the student has waited it out', () => {
    expect(stageOf('intro', undefined, false, [])).toMatchObject({ place: 'classroom', shaking: 0, quakeStarted: false, rumble: false })
    for (const id of ['feel-shaking', 'drop-cover', 'hold-on', 'wait-until-stops']) expect(at(id).shaking, id).toBe(1)
    expect(at('wait-until-stops', true).shaking).toBe(0)
    for (const id of ['evacuate', 'open-area', 'trapped']) expect(at(id)).toMatchObject({ shaking: 0, rumble: false })
    expect(at('feel-shaking').rumble).toBe(true)
  })

  it('counts down before the shaking: the warning sounds, nothing shakes or falls yet', () => {
    expect(at('early-warning')).toMatchObject({ place: 'classroom', warning: true, shaking: 0, rumble: false, quakeStarted: false })
    expect(at('early-warning', true).warning).toBe(true)
    expect(at('feel-shaking')).toMatchObject({ warning: false, quakeStarted: true })
    expect(stageOf('intro', undefined, false, []).warning).toBe(false)
  })

  it('moves from the classroom to the stairwell, the playground and the rubble; quiz and result are outdoors', () => {
    expect(ids.map((id) => at(id).place)).toEqual(['classroom', 'classroom', 'classroom', 'classroom', 'classroom', 'stairwell', 'playground', 'rubble'])
    expect(stageOf('quiz', undefined, false, ids)).toMatchObject({ place: 'playground', gathered: true, highlight: null, shaking: 0 })
    expect(stageOf('result', undefined, false, ids).place).toBe('playground')
  })

  it('puts the viewer under the desk once "drop, cover" is done, and holds the leg after "hold on"', () => {
    expect(at('drop-cover').underDesk).toBe(false)
    expect(at('drop-cover', true).underDesk).toBe(true)
    expect(at('hold-on').holding).toBe(false)
    expect(at('hold-on', true).holding).toBe(true)
    expect(at('wait-until-stops')).toMatchObject({ underDesk: true, holding: true })
    expect(at('evacuate').underDesk).toBe(false)
    // the classmates take cover as soon as the student has reacted
    expect(at('early-warning').classDucked).toBe(false)
    expect(at('feel-shaking').classDucked).toBe(true)
  })

  it('gathers the class once open-area is done, and knocks on the pipe once trapped is done', () => {
    expect(at('open-area').gathered).toBe(false)
    expect(at('open-area', true).gathered).toBe(true)
    expect(at('trapped').tapped).toBe(false)
    expect(at('trapped', true).tapped).toBe(true)
  })

  it('hints the tappable object of the open step, and stops hinting once answered', () => {
    expect(ids.map((id) => at(id).highlight)).toEqual(['desk', 'desk', 'desk', 'desk-leg', 'desk-leg', 'stairs', 'assembly', 'pipe'])
    expect(at('evacuate', true).highlight).toBeNull()
  })
})

describe('earthquake motion', () => {
  it('shakes within the amplitude, less in VR, and not at all at zero', () => {
    const o = { x: 0, y: 0, z: 0 }
    let max = 0
    for (let t = 0; t < 10; t += 0.013) {
      shakeOffset(t, SHAKE_AMP.flat, o)
      max = Math.max(max, Math.abs(o.x), Math.abs(o.y), Math.abs(o.z))
    }
    expect(max).toBeGreaterThan(0.02)
    expect(max).toBeLessThanOrEqual(SHAKE_AMP.flat)
    expect(SHAKE_AMP.vr).toBeLessThan(SHAKE_AMP.flat / 2)
    shakeOffset(3.3, 0, o)
    expect(Math.abs(o.x) + Math.abs(o.y) + Math.abs(o.z)).toBe(0)
  })

  it('swings the lamps only while it shakes, by less than 20 degrees', () => {
    const s = { x: 0, z: 0 }
    lampSwing(1.7, 0, 0.4, s)
    expect(Math.abs(s.x) + Math.abs(s.z)).toBe(0)
    for (let t = 0; t < 5; t += 0.05) {
      lampSwing(t, 1, 0.4, s)
      expect(Math.abs(s.x)).toBeLessThan(0.35)
    }
  })

  it('drops every faller deterministically from where it starts to resting on the floor', () => {
    const list = fallers()
    expect(list.length).toBeGreaterThanOrEqual(8)
    const p: Pose = { x: 0, y: 0, z: 0, rx: 0, ry: 0, rz: 0, landed: false }
    for (const f of list) {
      fallPose(f, 0, p)
      expect([p.x, p.y, p.z]).toEqual([...f.from])
      expect(p.landed).toBe(false)
      fallPose(f, f.start + 0.1, p)
      expect(p.y).toBeLessThan(f.from[1])
      expect(p.y).toBeGreaterThanOrEqual(f.to[1])
      fallPose(f, 60, p)
      expect(p).toMatchObject({ x: f.to[0], y: f.to[1], z: f.to[2], landed: true })
      // nothing lands on the student or outside the room
      expect(Math.abs(p.x)).toBeLessThan(ROOM.halfW)
      expect(Math.hypot(p.x, p.z)).toBeGreaterThan(0.25)
    }
    // two ceiling tiles come down from the ceiling
    expect(list.filter((f) => f.from[1] > ROOM.ceiling - 0.1)).toHaveLength(2)
    // and everything has fallen within 5 s of shaking
    expect(Math.max(...list.map((f) => f.start + Math.sqrt((2 * (f.from[1] - f.to[1])) / 9.8)))).toBeLessThan(5)
  })

  it("keeps the viewer's eye under the desk top when taking cover", () => {
    const eye = 1.6 - UNDER_DESK.rise
    expect(eye).toBeLessThan(DESK.h - DESK.top)
    expect(eye).toBeGreaterThan(0.4)
  })

  it('ducks every classmate under a desk top once they take cover', () => {
    const seated = classFigures(false)
    const ducked = classFigures(true)
    expect(ducked).toHaveLength(seated.length)
    const pupils = ducked.slice(0, -1)
    const teacher = ducked.at(-1)!
    for (const f of pupils) {
      expect(f.kind).toMatch(/^pupil-duck-/)
      expect(f.y + FIGURE_TOP[f.kind]).toBeLessThan(DESK.h - DESK.top)
    }
    expect(teacher.kind).toBe('teacher-duck')
    expect(teacher.y + FIGURE_TOP[teacher.kind]).toBeLessThan(PLATFORM_H + TEACHER_DESK.h - 0.05)
    // under the teacher's desk: its middle within the desk's footprint (the figure is ~1 m long, facing +z)
    expect(Math.abs(teacher.x - TEACHER_DESK.x)).toBeLessThan(TEACHER_DESK.w / 2)
    expect(Math.abs(teacher.z + 0.39 - TEACHER_DESK.z)).toBeLessThan(TEACHER_DESK.d / 2)
    for (const f of seated.slice(0, -1)) expect(f.kind).toMatch(/^pupil-sit-/)
    expect(playgroundFigures(true)).toHaveLength(playgroundFigures(false).length)
  })
})

describe('earthquake static geometry', () => {
  it('merges each shell into one small vertex-coloured geometry', () => {
    const shells = [
      parts.classroomParts(),
      parts.ownDeskTopParts(),
      parts.ownDeskLegParts(),
      parts.bookcaseParts(),
      parts.glassParts(),
      parts.stairwellParts(),
      parts.stairsParts(),
      parts.playgroundParts(),
      parts.hazardParts(),
      parts.rubbleParts(),
      parts.debrisParts(),
    ]
    let total = 0
    for (const list of shells) {
      const g = mergeBoxes(list)
      expect(g.getAttribute('color').count).toBe(g.getAttribute('position').count)
      expect(g.getAttribute('uv')).toBeUndefined()
      const triangles = (g.index ? g.index.count : g.getAttribute('position').count) / 3
      expect(triangles).toBe(list.length * 12)
      total += triangles
      g.dispose()
    }
    expect(total).toBeLessThan(10_000)
  })
})
