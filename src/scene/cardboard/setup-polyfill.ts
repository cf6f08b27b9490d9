import type { CardboardConfig, CardboardViewerProfile } from 'webxr-polyfill'
import { guardContextTypeLookups } from './guard-context-type.ts'
import { patchCardboardDistorter } from './patch-distorter.ts'

/** What `setupXRPolyfill` found: native WebXR, the cardboard polyfill, or no immersive VR. */
export type XRSupport = 'native' | 'cardboard' | 'none'

export interface SetupXRPolyfillOptions {
  /** Offer cardboard on a desktop browser too (tests, debugging). Default false. */
  allowCardboardOnDesktop?: boolean
  /** Extra viewer (lens) profiles, e.g. the center's own cardboard model. */
  additionalViewers?: CardboardViewerProfile[]
  /** Viewer id used until the visitor picks one in the gear menu. Default 'CardboardV2'. */
  defaultViewer?: string
  /**
   * Phone screen-size database (DPDB). Default `false`: use the copy bundled inside
   * webxr-polyfill and make no request at all. A same-origin URL (served on the
   * kiosk LAN) may be given to use a newer copy.
   */
  dpdbUrl?: string | false
  /** Per-eye resolution relative to the screen (cardboard-vr-display default 0.5). */
  bufferScale?: number
}

let installed: Promise<XRSupport> | null = null

/**
 * Gives phones without WebXR (iOS Safari, older Android browsers) an `immersive-vr`
 * session rendered split-screen, with lens distortion, for a cardboard viewer.
 *
 * Where `navigator.xr` exists it resolves `'native'` and loads nothing. Elsewhere it
 * dynamic-imports webxr-polyfill (its own chunk), installs it for cardboard with the
 * viewer database kept offline, patches its distortion pass for three.js r150+ and
 * resolves `'cardboard'` when immersive-vr can start, `'none'` otherwise.
 *
 * Call it once at startup, before creating the WebGL renderer / R3F Canvas and before
 * the XR store first reads `navigator.xr`. Later calls return the first call's result.
 */
export function setupXRPolyfill(opts: SetupXRPolyfillOptions = {}): Promise<XRSupport> {
  installed ??= install(opts)
  return installed
}

async function install(opts: SetupXRPolyfillOptions): Promise<XRSupport> {
  if (typeof navigator === 'undefined' || typeof window === 'undefined') return 'none'
  if (currentXR()) return 'native'
  // Desktop browsers without WebXR get no cardboard from the polyfill either: skip the download.
  if (!opts.allowCardboardOnDesktop && !/Android|iPhone|iPod|iPad|Mobi/i.test(navigator.userAgent)) {
    return 'none'
  }

  const { default: WebXRPolyfill } = await import('webxr-polyfill')
  const cardboardConfig: CardboardConfig = {
    DPDB_URL: opts.dpdbUrl ?? false,
    ADDITIONAL_VIEWERS: opts.additionalViewers ?? [],
    DEFAULT_VIEWER: opts.defaultViewer ?? '',
    ...(opts.bufferScale !== undefined ? { BUFFER_SCALE: opts.bufferScale } : {}),
  }
  new WebXRPolyfill({
    // WebVR 1.1 browsers no longer ship; with it off a polyfilled session is always cardboard.
    webvr: false,
    cardboard: true,
    allowCardboardOnDesktop: opts.allowCardboardOnDesktop ?? false,
    cardboardConfig,
  })

  const xr = currentXR() // now the polyfill's
  if (!xr || !(await xr.isSessionSupported('immersive-vr'))) return 'none'
  guardContextTypeLookups()
  if (!patchCardboardDistorter(xr)) {
    console.warn('setupXRPolyfill: webxr-polyfill internals changed; cardboard frames may render empty')
  }
  return 'cardboard'
}

// A function, so TypeScript does not carry the `'native'` check's narrowing past the install.
function currentXR(): XRSystem | undefined {
  return navigator.xr
}
