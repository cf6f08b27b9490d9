import { describe, expect, it } from 'vitest'
import { clearArea, describeBox, intersect, relativeTo, union } from '../safe-area-geometry.ts'

// 1280×800 window: the 3D view is 1280×728 below the 72 px toolbar; the panel is 460 px wide, 16 px from the edges
const view = { w: 1280, h: 728 }
const panel = relativeTo({ x: 804, y: 486, w: 460, h: 298 }, { x: 0, y: 72, w: 1280, h: 728 })
const subtitles = { x: 20, y: 640, w: 760, h: 72 }

describe('safe-area geometry', () => {
  it('measures the panel in the view and names it as the guide does', () => {
    expect(panel).toEqual({ x: 804, y: 414, w: 460, h: 298 })
    expect(describeBox(panel, view)).toBe('x 804–1264, y 414–712 (of 1280×728)')
  })

  it('a short panel and the subtitles leave the band above them clear', () => {
    expect(clearArea(view, [panel, subtitles])).toEqual({ x: 0, y: 0, w: 1280, h: 414 })
  })

  it('a tall panel (quiz feedback) leaves the left column clear, above the subtitles', () => {
    const tall = union(panel, { x: 804, y: 146, w: 460, h: 566 })!
    expect(tall).toEqual({ x: 804, y: 146, w: 460, h: 566 })
    expect(clearArea(view, [tall, subtitles])).toEqual({ x: 0, y: 0, w: 804, h: 640 })
  })
})

describe('intersect', () => {
  const canvas = { x: 0, y: 72, w: 845, h: 627 }
  it('a panel docked beside the canvas does not cover it; one over it covers only the overlap', () => {
    expect(intersect({ x: 845, y: 72, w: 435, h: 728 }, canvas)).toBeNull()
    expect(intersect({ x: 700, y: 600, w: 400, h: 200 }, canvas)).toEqual({ x: 700, y: 600, w: 145, h: 99 })
    expect(intersect(null, canvas)).toBeNull()
  })
  it('a subtitle band right under the canvas touches it without covering it', () => {
    expect(intersect({ x: 0, y: 699, w: 845, h: 101 }, canvas)).toBeNull()
  })
})
