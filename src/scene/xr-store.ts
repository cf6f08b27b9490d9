import { createXRStore } from '@react-three/xr'
import { pickFrameRate } from './frame-rate.ts'

/**
 * Dev and test builds can emulate a Quest 3 with IWER when the page is opened with
 * `?xr-emulate`. Chromium always exposes a native `navigator.xr` (which makes IWER
 * decline), so it is removed first. Production builds never contain the emulator.
 */
function wantsEmulator(): boolean {
  if (!__SOPHORA_EMULATOR__ || typeof location === 'undefined') return false
  const on = new URLSearchParams(location.search).has('xr-emulate')
  if (on) delete (Navigator.prototype as { xr?: unknown }).xr
  return on
}

let store: ReturnType<typeof createXRStore> | undefined

/** The one XR store of the platform, created on first use (after the polyfill). */
export function getXRStore() {
  return (store ??= createStore())
}

const createStore = () =>
  createXRStore({
    emulate: wantsEmulator() ? { type: 'metaQuest3', inject: true, syntheticEnvironment: false } : false,
    frameRate: pickFrameRate,
    offerSession: false,
    // Exhibits are pointed at, never grabbed. A grab sphere touching nearby scenery (a desk
    // the student hides under, a towel held close) would otherwise take over from the ray
    // and swallow trigger presses meant for the panel.
    controller: { grabPointer: false, teleportPointer: false },
    hand: { grabPointer: false },
    // must be absolute: the layout loader resolves with new URL(path, base)
    baseAssetPath: new URL('/xr-profiles/', location.href).href,
  })
