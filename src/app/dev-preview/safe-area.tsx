import { useEffect, useState } from 'react'
import { clearArea, describeBox, intersect, relativeTo, union, type Box } from './safe-area-geometry.ts'

interface Covers {
  /** the 3D canvas in the window */
  at: { x: number; y: number }
  view: { w: number; h: number }
  /** every part of the canvas the run panel has covered since the last restart (it grows with feedback and the quiz) */
  panelMax: Box | null
  subtitleMax: Box | null
  /** the back / VR buttons over the canvas's top corners */
  buttons: Box[]
}

const rectOf = (el: Element | null): Box | null => {
  // not offsetParent: the view and the subtitles are position: fixed, whose offsetParent is always null
  if (!el || el.getClientRects().length === 0) return null
  const r = el.getBoundingClientRect()
  return r.width && r.height ? { x: r.left, y: r.top, w: r.width, h: r.height } : null
}

/**
 * The preview's safe-area overlay: what lies over the 3D canvas, measured from the page as it is
 * (the run panel and the subtitles, the most they covered since the last restart, and the two
 * buttons in its top corners), and the clear area left for the scene's important objects. The
 * app's layout puts the panel beside or below the canvas and the subtitles in a band under it, so
 * normally only the buttons show; anything else is a layout bug. Pointer events pass through.
 * Sizes are CSS pixels of the canvas; resize the window to see other screens
 * (docs/authoring-exhibits.md lists 1280×800 and others).
 */
export function SafeArea(props: { resetKey: unknown }) {
  const [c, setC] = useState<Covers | null>(null)
  useEffect(() => {
    let acc: Covers | null = null
    const tick = () => {
      const view = rectOf(document.querySelector('[data-testid="exhibit-view"] [data-testid="stage"]'))
      if (!view) return
      const over = (el: Element | null) => {
        const r = intersect(rectOf(el), view)
        return r && relativeTo(r, view)
      }
      const size = { w: Math.round(view.w), h: Math.round(view.h) }
      const resized = acc && (acc.view.w !== size.w || acc.view.h !== size.h || acc.at.x !== view.x || acc.at.y !== view.y)
      // the bar is in the page (visually hidden) between cues; it carries data-cue while one shows
      acc = {
        at: { x: view.x, y: view.y },
        view: size,
        panelMax: union(resized ? null : (acc?.panelMax ?? null), over(document.querySelector('[data-testid="run-panel"]'))),
        subtitleMax: union(resized ? null : (acc?.subtitleMax ?? null), over(document.querySelector('.subtitle-bar[data-cue]'))),
        buttons: [...document.querySelectorAll('.exhibit-chrome .btn')].map(over).filter((b): b is Box => b !== null),
      }
      setC(acc)
    }
    tick()
    const timer = setInterval(tick, 250)
    return () => clearInterval(timer)
  }, [props.resetKey])
  if (!c) return null
  const covers = [c.panelMax, c.subtitleMax].filter((b): b is Box => b !== null)
  const clear = clearArea(c.view, covers)
  const at = (b: Box) => ({ left: b.x + c.at.x, top: b.y + c.at.y, width: b.w, height: b.h })
  return (
    <div className="dev-safe-area" data-testid="dev-safe-area" aria-hidden="true">
      <div className="clear" style={at(clear)} data-testid="dev-safe-clear">
        <span>clear for the scene: {describeBox(clear, c.view)}</span>
      </div>
      {c.panelMax && (
        <div className="cover" style={at(c.panelMax)} data-testid="dev-safe-panel">
          <span>run panel over the scene: {describeBox(c.panelMax, c.view)}</span>
        </div>
      )}
      {c.subtitleMax && (
        <div className="cover sub" style={at(c.subtitleMax)} data-testid="dev-safe-subtitles">
          <span>subtitles over the scene: {describeBox(c.subtitleMax, c.view)}</span>
        </div>
      )}
      {c.buttons.map((b, i) => (
        <div key={i} className="cover button" style={at(b)} data-testid="dev-safe-button" />
      ))}
    </div>
  )
}
