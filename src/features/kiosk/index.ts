/**
 * Stations that run unattended: kiosk mode (full screen, no way out of the app but the staff
 * PIN), the idle reset between visitors and the attract loop. The setup form loads with the
 * station pages; the layer itself is small and always in the shell.
 */
export { KioskLayer } from './kiosk-layer.tsx'
export type { KioskLayerProps } from './kiosk-layer.tsx'
export type { AttractItem } from './attract-loop.tsx'
export type { Busy, ResetActions } from './idle-machine.ts'
export { useKioskOn } from './kiosk-settings.ts'
export { emitIdleReset, onIdleReset, useIdleCountdown, xrActivity } from './kiosk-signals.ts'
export { kioskText } from './texts.ts'
import './kiosk.css'
export const loadKioskSettingsForm = () => import('./settings-form.tsx')
