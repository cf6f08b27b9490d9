/** Rectangles of the preview's safe-area overlay, in CSS pixels of the 3D canvas (its top-left is 0,0). */
export interface Box {
  x: number
  y: number
  w: number
  h: number
}

/** `b` moved into the view's coordinates (the view starts at `view.x, view.y` in the window). */
export function relativeTo(b: Box, view: Box): Box {
  return { x: Math.round(b.x - view.x), y: Math.round(b.y - view.y), w: Math.round(b.w), h: Math.round(b.h) }
}

/** Where `a` overlaps `b`, or null when they do not overlap (touching edges do not count). */
export function intersect(a: Box | null, b: Box): Box | null {
  if (!a) return null
  const x = Math.max(a.x, b.x)
  const y = Math.max(a.y, b.y)
  const w = Math.min(a.x + a.w, b.x + b.w) - x
  const h = Math.min(a.y + a.h, b.y + b.h) - y
  return w > 0 && h > 0 ? { x, y, w, h } : null
}

/** The smallest box holding both (either may be null). */
export function union(a: Box | null, b: Box | null): Box | null {
  if (!a) return b
  if (!b) return a
  const x = Math.min(a.x, b.x)
  const y = Math.min(a.y, b.y)
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y }
}

/**
 * The largest rectangle of the view, anchored at its top-left, that none of `covers` overlaps:
 * where an exhibit's important objects stay visible. Simple on purpose: it trims the width to the
 * leftmost cover that reaches the top half, and the height to the highest cover left of that.
 */
export function clearArea(view: { w: number; h: number }, covers: readonly Box[]): Box {
  let w = view.w
  let h = view.h
  for (const c of covers) if (c.y < view.h / 2) w = Math.min(w, c.x)
  for (const c of covers) if (c.x < w) h = Math.min(h, c.y)
  return { x: 0, y: 0, w: Math.max(0, w), h: Math.max(0, h) }
}

/** `x ≥ 804, y ≥ 486 (of 1280×728)`: how the guide and the overlay name a covered box. */
export function describeBox(b: Box, view: { w: number; h: number }): string {
  return `x ${b.x}–${b.x + b.w}, y ${b.y}–${b.y + b.h} (of ${view.w}×${view.h})`
}
