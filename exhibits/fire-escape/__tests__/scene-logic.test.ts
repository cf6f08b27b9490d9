import { describe, expect, it } from 'vitest'
import { mergeBoxes } from '@sophora/sdk'
import { burningWindowParts, corridorParts, outdoorParts } from '../scene/shell-parts.ts'
import { stageOf } from '../scene/stage.ts'
import { steps } from '../steps.ts'

const ids = steps.map((s) => s.id)
const upTo = (id: string) => ids.slice(0, ids.indexOf(id))

describe('fire-escape stage', () => {
  it('sounds the alarm only in the first step, and the fire crackles only indoors', () => {
    expect(stageOf('intro', undefined, false, []).alarm).toBe(false)
    expect(stageOf('step', 'alarm', false, []).alarm).toBe(true)
    expect(stageOf('step', 'door', false, ['alarm']).alarm).toBe(false)
    expect(stageOf('step', 'stairs', false, upTo('stairs')).crackle).toBe(true)
    expect(stageOf('step', 'out', false, upTo('out')).crackle).toBe(false)
  })

  it('crouches once "stay low" is done and stands up outside', () => {
    expect(stageOf('step', 'low', false, upTo('low')).crouched).toBe(false)
    expect(stageOf('step', 'low', true, [...upTo('low'), 'low']).crouched).toBe(true)
    expect(stageOf('step', 'stairs', false, upTo('stairs')).crouched).toBe(true)
    expect(stageOf('step', 'out', false, upTo('out')).crouched).toBe(false)
  })

  it('thickens the smoke step by step and clears it outside', () => {
    const smoke = ids.map((id) => stageOf('step', id, false, upTo(id)).smoke)
    const out = ids.indexOf('out')
    for (let i = 1; i < out; i++) expect(smoke[i]!).toBeGreaterThanOrEqual(smoke[i - 1]!)
    expect(smoke[ids.indexOf('low')]).toBe(1)
    expect(smoke[out]).toBe(0)
  })

  it('goes outside for the last step, the quiz and the result, and shows 119 once out is done', () => {
    expect(stageOf('step', 'stairs', true, upTo('close-door')).outside).toBe(false)
    expect(stageOf('step', 'close-door', false, upTo('close-door')).outside).toBe(false)
    expect(stageOf('step', 'out', false, upTo('out')).outside).toBe(true)
    expect(stageOf('step', 'out', false, upTo('out')).show119).toBe(false)
    expect(stageOf('step', 'out', true, ids).show119).toBe(true)
    expect(stageOf('quiz', undefined, false, ids)).toMatchObject({ outside: true, show119: true, highlight: null })
    expect(stageOf('result', undefined, false, ids).outside).toBe(true)
  })

  it('hints the tappable object of the open step, and stops hinting once answered', () => {
    expect(ids.map((id) => stageOf('step', id, false, upTo(id)).highlight)).toEqual([
      'exit',
      'hot-door',
      'towel',
      'low-signs',
      'stairs',
      'stair-door',
      'assembly',
    ])
    expect(stageOf('step', 'stairs', true, upTo('close-door')).highlight).toBeNull()
  })

  it('leaves the stairwell door open once through it, until "close the door" is done', () => {
    expect(stageOf('step', 'stairs', false, upTo('stairs')).stairDoorOpen).toBe(false)
    expect(stageOf('step', 'stairs', true, upTo('close-door')).stairDoorOpen).toBe(true)
    expect(stageOf('step', 'close-door', false, upTo('close-door')).stairDoorOpen).toBe(true)
    expect(stageOf('step', 'close-door', true, upTo('out')).stairDoorOpen).toBe(false)
    expect(stageOf('step', 'out', false, upTo('out')).stairDoorOpen).toBe(false)
  })

  it('holds the towel from "cover your mouth" on, indoors', () => {
    expect(stageOf('step', 'cloth', false, upTo('cloth')).towelHeld).toBe(false)
    expect(stageOf('step', 'low', false, upTo('low')).towelHeld).toBe(true)
    expect(stageOf('step', 'out', false, upTo('out')).towelHeld).toBe(false)
  })
})

describe('fire-escape static geometry', () => {
  it('merges each shell into one small vertex-coloured geometry', () => {
    for (const parts of [corridorParts(), outdoorParts(), burningWindowParts()]) {
      const g = mergeBoxes(parts)
      expect(g.getAttribute('color').count).toBe(g.getAttribute('position').count)
      expect(g.getAttribute('uv')).toBeUndefined()
      const triangles = (g.index ? g.index.count : g.getAttribute('position').count) / 3
      expect(triangles).toBe(parts.length * 12)
      expect(triangles).toBeLessThan(2_000)
      g.dispose()
    }
  })
})
