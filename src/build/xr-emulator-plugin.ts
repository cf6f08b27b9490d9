import type { Plugin } from 'vite'

/**
 * @pmndrs/xr always emits its IWER emulator (devices, dev UI, sample rooms, ~5 MB)
 * even with `emulate: false`. For kiosk builds we resolve its emulate module to a stub
 * so none of it reaches a production chunk; test builds keep it (emulated VR sessions).
 */
export function stripXREmulatorPlugin(): Plugin {
  return {
    name: 'sophora:strip-xr-emulator',
    enforce: 'pre',
    resolveId(id, importer) {
      if (id === './emulate.js' && importer && /[\\/]@pmndrs[\\/]xr[\\/]dist[\\/]store\.js$/.test(importer)) {
        return '\0sophora-xr-emulator-stub'
      }
      return undefined
    },
    load(id) {
      if (id !== '\0sophora-xr-emulator-stub') return undefined
      return 'export function emulate() { throw new Error("The XR emulator is not part of production builds") }'
    },
  }
}
