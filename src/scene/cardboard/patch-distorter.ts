/**
 * The fix for the "black / empty cardboard picture" with three.js r150+ (WebGL2 only).
 *
 * cardboard-vr-display (bundled in webxr-polyfill 2.0.3) draws its lens-distortion mesh
 * in `CardboardVRDisplay.submitFrame` with WebGL1-era code: `bindBuffer(ELEMENT_ARRAY_BUFFER)`
 * and `vertexAttribPointer(0 | 1, …)` on whatever vertex array object is bound. Under WebGL2
 * that is the VAO of the last mesh three drew. The pass restores the buffer *bindings*
 * (WGLUPreserveGLState) but not the VAO's attribute pointers, and three caches each VAO's
 * attribute setup, so from the next frame that mesh reads its vertices from the distortion
 * mesh: degenerate triangles, nothing visible, only the clear colour (black by default).
 *
 * The patch runs the distortion pass with the default VAO bound and rebinds three's VAO after.
 */

const XR_PRIVATE = '@@webxr-polyfill/XR'

interface CardboardDisplayLike {
  submitFrame(...args: unknown[]): void
  distorter_?: { gl?: WebGLRenderingContext | WebGL2RenderingContext } | null
  __sophoraVaoPatch?: true
}

/** webxr-polyfill 2.0.3 keeps its device in a symbol-keyed private slot on navigator.xr. */
function findCardboardDisplay(xr: object): CardboardDisplayLike | null {
  const slot = Object.getOwnPropertySymbols(xr).find((s) => s.description === XR_PRIVATE)
  if (!slot) return null
  const device = (xr as Record<symbol, { device?: { display?: unknown } } | undefined>)[slot]?.device
  const display = device?.display as CardboardDisplayLike | undefined
  return display && typeof display.submitFrame === 'function' ? display : null
}

function isWebGL2(gl: unknown): gl is WebGL2RenderingContext {
  return typeof WebGL2RenderingContext !== 'undefined' && gl instanceof WebGL2RenderingContext
}

/**
 * Wraps the polyfill's cardboard display so its distortion pass leaves three's vertex
 * array objects alone. Returns false when the polyfill's internals are not where
 * webxr-polyfill 2.0.3 keeps them (then rendering is likely broken: check on upgrade).
 */
export function patchCardboardDistorter(xr: object): boolean {
  const display = findCardboardDisplay(xr)
  if (!display) return false
  if (display.__sophoraVaoPatch) return true
  const submitFrame = display.submitFrame
  display.submitFrame = function patchedSubmitFrame(this: CardboardDisplayLike, ...args: unknown[]) {
    const gl = this.distorter_?.gl
    if (!isWebGL2(gl)) return submitFrame.apply(this, args)
    const vao = gl.getParameter(gl.VERTEX_ARRAY_BINDING) as WebGLVertexArrayObject | null
    gl.bindVertexArray(null)
    try {
      return submitFrame.apply(this, args)
    } finally {
      gl.bindVertexArray(vao)
    }
  }
  display.__sophoraVaoPatch = true
  return true
}
