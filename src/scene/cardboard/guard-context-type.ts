/**
 * cardboard-vr-display finds the layer's context with `canvas.getContext('webgl')` first.
 * On three's WebGL2 canvas that fails *and* fires `webglcontextcreationerror`, which three
 * logs as "A WebGL context could not be created" several times per session: harmless, but
 * it reads like a crash in kiosk logs. This answers such a lookup with `null` quietly when
 * the canvas is known to hold a WebGL2 context (one created after this guard was installed).
 */
const webgl2Canvases = new WeakSet<object>()
let installed = false

export function guardContextTypeLookups(): void {
  if (installed || typeof HTMLCanvasElement === 'undefined') return
  installed = true
  const getContext = HTMLCanvasElement.prototype.getContext as (this: HTMLCanvasElement, type: string, attrs?: unknown) => RenderingContext | null
  const guarded = function (this: HTMLCanvasElement, type: string, attrs?: unknown) {
    if ((type === 'webgl' || type === 'experimental-webgl') && webgl2Canvases.has(this)) return null
    const ctx = getContext.call(this, type, attrs)
    if (type === 'webgl2' && ctx) webgl2Canvases.add(this)
    return ctx
  }
  HTMLCanvasElement.prototype.getContext = guarded as typeof HTMLCanvasElement.prototype.getContext
}
