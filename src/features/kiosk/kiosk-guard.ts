import type { Cleanup } from '../../core/exhibit-kit.ts'

const editable = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))
/** Browser zoom and the keys that open its own pages or windows (print, save, find, new window, devtools). */
const BLOCKED_KEYS = /^(\+|-|=|0|p|s|o|f|g|n|t|w|h|j|u|i)$/i

/**
 * Kiosk mode's part in the page: full screen on the first touch (browsers allow it only in a
 * user gesture, and again after an Esc), and none of what lets a student wander off —
 * context menu, text selection, pinch and double-tap zoom, dragging a link or image out,
 * links to another site or a new window, the browser's shortcut keys. Locking the browser
 * itself (address bar, system keys) is the browser's job: docs/kiosk.md. Returns the cleanup.
 */
export function setupKioskGuards(doc: Document = document): Cleanup {
  const win = doc.defaultView ?? window
  const root = doc.documentElement
  const prevent = (e: Event) => e.preventDefault()
  const offs: Cleanup[] = []
  const on = <K extends string>(target: EventTarget, type: K, fn: (e: Event) => void, opts: AddEventListenerOptions = {}) => {
    const o = { capture: true, ...opts }
    target.addEventListener(type, fn, o)
    offs.push(() => target.removeEventListener(type, fn, o))
  }

  root.classList.add('kiosk')
  // No pinch or double-tap zoom, no overscroll "pull to refresh" (CSS in kiosk.css does the rest).
  const viewport = doc.querySelector<HTMLMetaElement>('meta[name="viewport"]')
  const prevViewport = viewport?.content ?? null
  if (viewport) viewport.content = 'width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no, viewport-fit=cover'

  const fullscreen = () => {
    if (!doc.fullscreenElement && root.requestFullscreen && doc.fullscreenEnabled !== false)
      void root.requestFullscreen({ navigationUI: 'hide' }).catch(() => {
        /* refused (not a gesture the browser counts, or a frame without permission): the next touch tries again */
      })
  }
  on(win, 'pointerup', fullscreen)
  on(win, 'keyup', fullscreen)

  on(win, 'contextmenu', prevent)
  on(win, 'dragstart', prevent)
  on(win, 'selectstart', (e) => {
    if (!editable(e.target)) e.preventDefault()
  })
  // Safari's pinch events; elsewhere a two-finger touchmove and ctrl+wheel are the pinch.
  on(win, 'gesturestart', prevent)
  on(
    win,
    'touchmove',
    (e) => {
      if ((e as TouchEvent).touches.length > 1) e.preventDefault()
    },
    { passive: false },
  )
  on(
    win,
    'wheel',
    (e) => {
      if ((e as WheelEvent).ctrlKey) e.preventDefault()
    },
    { passive: false },
  )
  on(win, 'keydown', (e) => {
    const k = e as KeyboardEvent
    if ((k.ctrlKey || k.metaKey) && BLOCKED_KEYS.test(k.key)) k.preventDefault()
    if (k.key === 'F1' || k.key === 'F3' || k.key === 'F5' || k.key === 'F6' || k.key === 'F7' || k.key === 'F12') k.preventDefault()
  })
  // A link that leaves the app (another origin, a new window, a download) does nothing here.
  on(win, 'click', (e) => {
    const a = (e.target as Element | null)?.closest?.('a[href]')
    if (!(a instanceof HTMLAnchorElement)) return
    const url = new URL(a.href, doc.baseURI)
    if (url.origin !== win.location.origin || a.target === '_blank' || a.hasAttribute('download')) e.preventDefault()
  })
  // window.open is how a page opens a window without a link.
  const open = win.open
  win.open = () => null

  return () => {
    for (const off of offs.splice(0)) off()
    win.open = open
    root.classList.remove('kiosk')
    if (viewport && prevViewport !== null) viewport.content = prevViewport
    if (doc.fullscreenElement)
      void doc.exitFullscreen().catch(() => {
        /* already left (Esc): nothing to undo */
      })
  }
}
