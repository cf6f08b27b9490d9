import { BufferAttribute, Color, SphereGeometry } from 'three'

/** The colours of a `skyDome`. */
export interface SkyDomeOptions {
  /** colour straight up (sRGB CSS) */
  top: string
  /** colour at the horizon, usually the fog's colour so the ground fades into the sky */
  horizon: string
  /** colour below the horizon (rarely seen) — the horizon colour when omitted */
  bottom?: string
  radius?: number
}

/**
 * A sky: an inside-out sphere whose vertex colours run from `top` to `horizon` (a gradient
 * background that gives depth for the cost of one unlit draw call). Draw it with
 * `<meshBasicMaterial vertexColors side={BackSide} fog={false} depthWrite={false} />` and keep it
 * inside the camera's far plane. Create it with `useTracked`.
 */
export function skyDome(opts: SkyDomeOptions) {
  const r = opts.radius ?? 80
  const geo = new SphereGeometry(r, 24, 12)
  const top = new Color(opts.top)
  const horizon = new Color(opts.horizon)
  const bottom = new Color(opts.bottom ?? opts.horizon)
  const pos = geo.getAttribute('position')
  const col = new Float32Array(pos.count * 3)
  const c = new Color()
  for (let i = 0; i < pos.count; i++) {
    const h = pos.getY(i) / r
    // most of the change just above the horizon, as in a real sky
    if (h >= 0) c.lerpColors(horizon, top, Math.sqrt(h))
    else c.lerpColors(horizon, bottom, Math.min(1, -h * 4))
    col.set([c.r, c.g, c.b], i * 3)
  }
  geo.setAttribute('color', new BufferAttribute(col, 3))
  return geo
}
