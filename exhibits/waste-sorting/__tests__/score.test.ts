import { describe, expect, it } from 'vitest'
import { binOfChoice, itemKeyOf, sortScore } from '../score.ts'
import { DURATION, itemPose, newPose } from '../scene/motion.ts'
import { BIN_H, BIN_Z, ITEM_REST } from '../scene/layout.ts'

describe('sortScore', () => {
  it('counts first-try sorts: sorted items minus wrong throws', () => {
    expect(sortScore({ completedSteps: [], mistakes: 0 })).toBe(0)
    expect(sortScore({ completedSteps: ['a', 'b', 'c'], mistakes: 1 })).toBe(2)
    expect(sortScore({ completedSteps: Array.from({ length: 30 }, (_, i) => `s${i}`), mistakes: 0 })).toBe(30)
  })
  it('never goes below zero', () => {
    expect(sortScore({ completedSteps: ['a'], mistakes: 3 })).toBe(0)
  })
})

describe('choice and step ids', () => {
  it('reads the bin from a choice id and the item from a step id', () => {
    expect(binOfChoice('milk-carton-recyclable')).toBe('recyclable')
    expect(binOfChoice('big-bone-residual')).toBe('residual')
    expect(binOfChoice('greasy-takeaway-box-food')).toBe('food')
    expect(binOfChoice('q-why-tidy')).toBeUndefined()
    expect(itemKeyOf('item-milk-carton')).toBe('milk-carton')
  })
})

describe('item motion', () => {
  it('throws into the bin and bounces back to the belt', () => {
    const p = newPose()
    expect(itemPose('throw', DURATION.throw, 0.6, p)).toBe(true)
    expect(p.x).toBeCloseTo(0.6)
    expect(p.z).toBeCloseTo(BIN_Z)
    expect(p.y).toBeLessThan(BIN_H)
    expect(itemPose('bounce', DURATION.bounce / 2, -0.6, p)).toBe(false)
    expect(p.x).toBeCloseTo(-0.6)
    expect(p.y).toBeGreaterThan(BIN_H)
    expect(itemPose('bounce', DURATION.bounce, -0.6, p)).toBe(true)
    expect([p.x, p.y, p.z]).toEqual(ITEM_REST.map((v) => expect.closeTo(v)))
  })
})
