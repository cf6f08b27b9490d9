import { z } from 'zod'
import { create } from 'zustand'
import { persist, createJSONStorage } from 'zustand/middleware'
import type { StationKind } from '../../core/station-live.ts'

/** A staff PIN as stored: PBKDF2-SHA-256 of the PIN with a random salt; never the PIN itself. */
export const PinHashSchema = z.strictObject({
  salt: z.string().regex(/^[0-9a-f]{32}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  iterations: z.number().int().min(10_000).max(10_000_000),
})
export type PinHash = z.infer<typeof PinHashSchema>

/**
 * This device's kiosk settings, set by a guide on the station setup screen and kept on the
 * device (a station that lost its network must still lock and reset itself).
 */
export const KioskSettingsSchema = z.strictObject({
  /** full screen, no way out of the app from the UI, exit only with the staff PIN */
  kiosk: z.boolean(),
  /** reset between visitors after no input (also on whenever kiosk mode is) */
  idleReset: z.boolean(),
  /** no input for this long starts the countdown; null: the default for the station's kind */
  idleSeconds: z.number().int().min(3).max(3600).nullable(),
  /** the countdown ("还在吗？") */
  warnSeconds: z.number().int().min(3).max(60),
  pin: PinHashSchema.nullable(),
})
export type KioskSettings = z.infer<typeof KioskSettingsSchema>

export const DEFAULT_KIOSK: KioskSettings = { kiosk: false, idleReset: false, idleSeconds: null, warnSeconds: 10, pin: null }

/** Idle time by station kind: a wall screen or PC between walk-ins; a headset while one is worn. */
export const IDLE_SECONDS: Record<StationKind, number> = { touchscreen: 60, pc: 60, phone: 60, headset: 600 }
/** Any kind of station while an immersive session runs (a phone in a cardboard viewer too). */
export const VR_IDLE_SECONDS = 600

/** The idle time in ms for this station now. */
export function idleMsFor(s: Pick<KioskSettings, 'idleSeconds'>, kind: StationKind | null, inVR: boolean): number {
  if (s.idleSeconds !== null) return s.idleSeconds * 1000
  return (inVR ? VR_IDLE_SECONDS : IDLE_SECONDS[kind ?? 'touchscreen']) * 1000
}

interface KioskSlice extends KioskSettings {
  /** `?kiosk` in the address this tab was opened with: kiosk mode for this tab, whatever is stored */
  fromUrl: boolean
  save(next: KioskSettings): void
  /** the staff PIN was given: leave kiosk mode on this device */
  exit(): void
}

const URL_KEY = 'sophora.kiosk.url'

/** `?kiosk` is latched for the tab: the app's own navigation drops the query string. */
function kioskFromUrl(): boolean {
  try {
    if (new URLSearchParams(location.search).has('kiosk')) sessionStorage.setItem(URL_KEY, '1')
    return sessionStorage.getItem(URL_KEY) === '1'
  } catch {
    return false
  }
}

export const useKioskSettings = create<KioskSlice>()(
  persist(
    (set) => ({
      ...DEFAULT_KIOSK,
      fromUrl: typeof location === 'undefined' ? false : kioskFromUrl(),
      save: (next) => set({ ...KioskSettingsSchema.parse(next) }),
      exit() {
        try {
          sessionStorage.removeItem(URL_KEY)
        } catch {
          /* storage disabled: the latch was never set */
        }
        set({ kiosk: false, fromUrl: false })
      },
    }),
    {
      name: 'sophora.kiosk',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s): KioskSettings => ({ kiosk: s.kiosk, idleReset: s.idleReset, idleSeconds: s.idleSeconds, warnSeconds: s.warnSeconds, pin: s.pin }),
      // Damaged or hand-edited settings fall back to the defaults (kiosk off), never half-applied.
      merge(persisted, current) {
        const r = KioskSettingsSchema.safeParse(persisted)
        return r.success ? { ...current, ...r.data } : current
      },
    },
  ),
)

/** Kiosk mode is on (stored setting or `?kiosk`). */
export const useKioskOn = () => useKioskSettings((s) => s.kiosk || s.fromUrl)
/** The idle reset runs (its own setting, or kiosk mode). */
export const useIdleOn = () => useKioskSettings((s) => s.idleReset || s.kiosk || s.fromUrl)
