import { Box3, PerspectiveCamera, Vector3, type Camera, type Object3D, type Scene } from 'three'
import { flatFov } from '../scene/flat-fov.ts'

/** A rectangle in CSS pixels of the window (client coordinates). */
export interface ScreenBox {
  x: number
  y: number
  w: number
  h: number
}

/** One object a step is about, as the student sees it now. */
export interface ScreenSubject {
  name: string
  /** its projected bounding box clipped to the canvas; null when nothing of it is in view */
  box: ScreenBox | null
  /** the share of its projected box that lies inside the canvas (0..1) */
  inView: number
  /** it reaches behind the viewer as well as in front (a desk one crouches under): no box, but around the view */
  around: boolean
}

const tapsOf = (o: Object3D): readonly (readonly string[])[] => {
  const onClick = (o as { __r3f?: { handlers?: { onClick?: { taps?: readonly (readonly string[])[] } } } }).__r3f?.handlers?.onClick
  return onClick?.taps ?? []
}

/** Is `o` one of the step's subjects: a `useTapChoice` target for it, or marked with `userData.subject`. */
export function isSubjectOf(o: Object3D, stepId: string): boolean {
  if (tapsOf(o).some(([s]) => s === stepId)) return true
  const mark = o.userData.subject
  return typeof mark === 'string' && mark.split(/\s+/).some((s) => s === '*' || s === stepId)
}

function fitted(camera: PerspectiveCamera, aspect: number): PerspectiveCamera {
  const c = camera.clone()
  c.aspect = aspect
  c.fov = flatFov(aspect)
  c.updateProjectionMatrix()
  return c
}

function shownInWorld(o: Object3D): boolean {
  for (let x: Object3D | null = o; x; x = x.parent) if (!x.visible) return false
  return true
}

/**
 * Test builds only: the step's subjects projected through the flat camera onto the canvas, so a
 * test can check that no panel or subtitle lies over them. A subject's box is its world bounding
 * box's eight corners projected; with corners behind the camera it has no box (`around` when
 * others are in front).
 * `at`: project as if the canvas had this box (another window size: the flat camera takes the
 * box's aspect and field of view, as the stage does on a resize).
 */
export function projectSubjects(scene: Scene, camera: Camera, canvas: HTMLCanvasElement, stepId: string, at?: ScreenBox): ScreenSubject[] {
  const r = canvas.getBoundingClientRect()
  const c = at ? { left: at.x, top: at.y, width: at.w, height: at.h, right: at.x + at.w, bottom: at.y + at.h } : r
  const cam = at && camera instanceof PerspectiveCamera ? fitted(camera, at.w / at.h) : camera
  const found: ScreenSubject[] = []
  const corner = new Vector3()
  scene.traverse((o) => {
    if (!isSubjectOf(o, stepId) || !shownInWorld(o)) return
    const b = new Box3().setFromObject(o)
    if (b.isEmpty()) return
    let x0 = Infinity,
      y0 = Infinity,
      x1 = -Infinity,
      y1 = -Infinity,
      behind = 0
    for (let i = 0; i < 8; i++) {
      corner.set(i & 1 ? b.max.x : b.min.x, i & 2 ? b.max.y : b.min.y, i & 4 ? b.max.z : b.min.z).project(cam)
      if (corner.z > 1) behind++
      const px = c.left + ((corner.x + 1) / 2) * c.width
      const py = c.top + ((1 - corner.y) / 2) * c.height
      x0 = Math.min(x0, px)
      x1 = Math.max(x1, px)
      y0 = Math.min(y0, py)
      y1 = Math.max(y1, py)
    }
    const cx0 = Math.max(x0, c.left),
      cx1 = Math.min(x1, c.right),
      cy0 = Math.max(y0, c.top),
      cy1 = Math.min(y1, c.bottom)
    const area = (x1 - x0) * (y1 - y0)
    const shown = behind === 0 && cx1 > cx0 && cy1 > cy0
    found.push({
      name: o.name || o.type,
      box: shown ? { x: cx0, y: cy0, w: cx1 - cx0, h: cy1 - cy0 } : null,
      inView: shown && area > 0 ? ((cx1 - cx0) * (cy1 - cy0)) / area : 0,
      around: behind > 0 && behind < 8,
    })
  })
  return found
}
