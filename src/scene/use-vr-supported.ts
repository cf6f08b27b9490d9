import { useEffect, useState } from 'react'
import type { XRStore } from '@react-three/xr'

/**
 * Whether an immersive-vr session can be offered here (native WebXR, the cardboard
 * polyfill, or the test emulator). Re-checked when the XR store changes (the emulator
 * installs itself asynchronously) and on `devicechange`.
 */
export function useVRSupported(store: XRStore): boolean {
  const [ok, setOk] = useState(false)
  useEffect(() => {
    let alive = true
    const check = () => {
      const xr = (navigator as Navigator & { xr?: XRSystem }).xr
      if (!xr) {
        setOk(false)
        return
      }
      xr.isSessionSupported('immersive-vr').then(
        (v) => alive && setOk(v),
        () => alive && setOk(false),
      )
    }
    check()
    const unsub = store.subscribe(check)
    const xr = (navigator as Navigator & { xr?: XRSystem }).xr
    xr?.addEventListener?.('devicechange', check)
    return () => {
      alive = false
      unsub()
      xr?.removeEventListener?.('devicechange', check)
    }
  }, [store])
  return ok
}
