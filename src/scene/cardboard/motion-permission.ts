interface PermissionRequester {
  requestPermission?: () => Promise<'granted' | 'denied' | 'default'>
}

/**
 * iOS 13+ delivers `devicemotion` (the polyfill's head tracking) only after the page
 * asks in a user gesture; cardboard-vr-display never asks. Call this in the same tap
 * handler that enters VR, *without awaiting it first* (the session request needs the
 * same gesture). Resolves true where no permission is needed or it was granted.
 */
export async function requestMotionPermission(): Promise<boolean> {
  const motion = (globalThis as { DeviceMotionEvent?: PermissionRequester }).DeviceMotionEvent
  if (typeof motion?.requestPermission !== 'function') return true
  try {
    return (await motion.requestPermission()) === 'granted'
  } catch {
    return false
  }
}
