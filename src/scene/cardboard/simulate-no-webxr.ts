/**
 * Makes desktop Chromium look like a phone browser without WebXR (iOS Safari):
 * no `navigator.xr`, no XR* classes, no `makeXRCompatible`. Must run before
 * setupXRPolyfill and before three's renderer is created (three reads
 * `typeof XRWebGLBinding` when it builds its WebXRManager).
 */
export function simulateNoWebXR(): void {
  delete (Navigator.prototype as { xr?: unknown }).xr
  const w = window as unknown as Record<string, unknown>
  for (const name of Object.getOwnPropertyNames(window)) {
    if (/^XR[A-Z]/.test(name)) delete w[name]
  }
  for (const ctx of [WebGLRenderingContext, WebGL2RenderingContext]) {
    delete (ctx.prototype as { makeXRCompatible?: unknown }).makeXRCompatible
  }
}
