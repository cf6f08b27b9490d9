import type { ScreenBox } from '../../src/test-bridge/subjects.ts'
import type { LookSubject } from '../../src/test-bridge/look.ts'
import { idOf } from '../../src/test-bridge/id-colours.ts'
import type { Rgba } from './metrics.ts'

/** What a child can see of one subject of a step, from the ID renders (src/test-bridge/look.ts). */
export interface SubjectSight {
  name: string
  /** its pixels with nothing else drawn (it may reach past the canvas's edge: those are not counted) */
  alone: number
  /** share of those not hidden by the rest of the scene */
  visible: number
  /** share of those neither hidden nor under a panel, band or button */
  clear: number
}

/**
 * Shares a step's best subject must reach: the child sees a good part of what the step is about,
 * and no panel sits on it. 40 %: the least seen subject today, flood-typhoon's fallen wire, shows
 * 51 %, and a floor at its value would fail on a rounding.
 */
export const SIGHT_FLOORS = { visible: 0.4, clear: 0.4 } as const

/**
 * Count each subject's pixels of the `all` ID render that lie under none of `covers` (client
 * pixels). The render is the canvas (`canvas`, client pixels) scaled to the image's size.
 */
export function sight(all: Rgba, subjects: LookSubject[], canvas: ScreenBox, covers: ScreenBox[]): SubjectSight[] {
  const sx = canvas.w / all.width,
    sy = canvas.h / all.height
  // covers in image pixels, clipped to the image
  const boxes = covers.map((c) => ({
    x0: Math.max(0, Math.floor((c.x - canvas.x) / sx)),
    y0: Math.max(0, Math.floor((c.y - canvas.y) / sy)),
    x1: Math.min(all.width, Math.ceil((c.x + c.w - canvas.x) / sx)),
    y1: Math.min(all.height, Math.ceil((c.y + c.h - canvas.y) / sy)),
  }))
  const clear = new Array<number>(subjects.length).fill(0)
  const d = all.data
  for (let y = 0; y < all.height; y++)
    for (let x = 0; x < all.width; x++) {
      const i = (y * all.width + x) * 4
      const k = idOf(d[i]!, d[i + 1]!, d[i + 2]!)
      if (k < 0 || k >= subjects.length) continue
      if (!boxes.some((b) => x >= b.x0 && x < b.x1 && y >= b.y0 && y < b.y1)) clear[k]!++
    }
  return subjects.map((s, k) => ({
    name: s.name,
    alone: s.alone,
    visible: s.alone ? Math.min(1, s.visible / s.alone) : 0,
    clear: s.alone ? Math.min(1, clear[k]! / s.alone) : 0,
  }))
}

/** The step's best-seen subject, or null when the step marks none. */
export function best(seen: SubjectSight[]): SubjectSight | null {
  return seen.reduce<SubjectSight | null>((a, s) => (!a || s.clear > a.clear ? s : a), null)
}
