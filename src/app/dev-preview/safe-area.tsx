import { useEffect, useState } from 'react'
import { clearArea, describeBox, relativeTo, union, type Box } from './safe-area-geometry.ts'

interface Covers {
  view: { w: number; h: number }
  panelNow: Box | null
  /** every place the run panel has been since the last restart (it grows with feedback and the quiz) */
  panelMax: Box | null
  subtitleMax: Box | null
}

const rectOf = (el: Element | null): Box | null => {
  // not offsetParent: the view and the subtitles are position: fixed, whose offsetParent is always null
  if (!el || el.getClientRects().length === 0) return null
  const r = el.getBoundingClientRect()
  return r.width && r.height ? { x: r.left, y: r.top, w: r.width, h: r.height } : null
}

/**
 * The preview's safe-area overlay: where the DOM run panel and the subtitles cover the 3D view,
 * measured from the page as it is (now, and the most they covered since the last restart), and the
 * clear area left for the scene's important objects. Pointer events pass through. Sizes are CSS
 * pixels of the 3D view; resize the window to see other screens (docs/authoring-exhibits.md lists
 * 1280×800 and others).
 */
export function SafeArea(props: { resetKey: unknown }) {
  const [c, setC] = useState<Covers | null>(null)
  useEffect(() => {
    let acc: Covers | null = null
    const tick = () => {
      const view = rectOf(document.querySelector('[data-testid="exhibit-view"]'))
      if (!view) return
      const panel = rectOf(document.querySelector('[data-testid="run-panel"]'))
      // the bar is in the page (visually hidden) between cues; it carries data-cue while one shows
      const sub = rectOf(document.querySelector('.subtitle-bar[data-cue]'))
      const size = { w: Math.round(view.w), h: Math.round(view.h) }
      const resized = acc && (acc.view.w !== size.w || acc.view.h !== size.h)
      const panelNow = panel && relativeTo(panel, view)
      acc = {
        view: size,
        panelNow,
        panelMax: union(resized ? null : (acc?.panelMax ?? null), panelNow),
        subtitleMax: union(resized ? null : (acc?.subtitleMax ?? null), sub && relativeTo(sub, view)),
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
  const at = (b: Box) => ({ left: b.x, top: b.y + 72, width: b.w, height: b.h })
  return (
    <div className="dev-safe-area" data-testid="dev-safe-area" aria-hidden="true">
      <div className="clear" style={at(clear)} data-testid="dev-safe-clear">
        <span>clear for the scene: {describeBox(clear, c.view)}</span>
      </div>
      {c.panelMax && (
        <div className="cover" style={at(c.panelMax)} data-testid="dev-safe-panel">
          <span>run panel, most this visit: {describeBox(c.panelMax, c.view)}</span>
        </div>
      )}
      {c.subtitleMax && (
        <div className="cover sub" style={at(c.subtitleMax)} data-testid="dev-safe-subtitles">
          <span>subtitles: {describeBox(c.subtitleMax, c.view)}</span>
        </div>
      )}
    </div>
  )
}
