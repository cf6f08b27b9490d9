// Cardboard (phone in a viewer) immersive-vr for browsers without WebXR.
export { setupXRPolyfill } from './setup-polyfill.ts'
export type { SetupXRPolyfillOptions, XRSupport } from './setup-polyfill.ts'
export { requestMotionPermission } from './motion-permission.ts'
export { patchCardboardDistorter } from './patch-distorter.ts'
