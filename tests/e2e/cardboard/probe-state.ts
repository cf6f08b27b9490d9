/** What a probe page reports to the test through `window.__probe`. */
export interface ProbeState {
  support?: string
  /** The Enter VR button can be used (R3F: the XR store is connected to the renderer). */
  ready: boolean
  sessionStarted: boolean
  sessionEnded: boolean
  xrFrames: number
  errors: string[]
  native?: { xrIsNative: boolean; layerIsNative: boolean; polyfillLoaded: boolean }
  exit?: () => Promise<void>
}

export function createProbeState(): ProbeState {
  const probe: ProbeState = { ready: false, sessionStarted: false, sessionEnded: false, xrFrames: 0, errors: [] }
  ;(window as unknown as { __probe: ProbeState }).__probe = probe
  window.addEventListener('error', (e) => probe.errors.push(String(e.message)))
  window.addEventListener('unhandledrejection', (e) => probe.errors.push(String(e.reason)))
  return probe
}

const isNativeFn = (f: unknown) => typeof f === 'function' && /\[native code\]/.test(Function.prototype.toString.call(f))

/** Evidence that nothing was installed where native WebXR exists. */
export function nativeEvidence(): NonNullable<ProbeState['native']> {
  return {
    xrIsNative: isNativeFn(navigator.xr?.requestSession),
    layerIsNative: isNativeFn((window as unknown as { XRWebGLLayer?: unknown }).XRWebGLLayer),
    polyfillLoaded: performance.getEntriesByType('resource').some((r) => /webxr-polyfill/i.test(r.name)),
  }
}
