import { z } from 'zod'
import { create } from 'zustand'
import { persist, createJSONStorage } from 'zustand/middleware'
import { createPassportId, PassportIdSchema } from '../../core/passport-id.ts'

/**
 * This device's science passport: a pseudonymous id and the stamps earned.
 * No names, photos or birthdates — only the id ever leaves the device.
 */
export const StampRecordSchema = z.object({ awardedAt: z.string(), score: z.number().int().min(0) })
export const PassportDataSchema = z.object({
  passportId: PassportIdSchema,
  stamps: z.record(z.string(), StampRecordSchema),
})
export type PassportData = z.infer<typeof PassportDataSchema>

interface PassportSlice extends PassportData {
  /** set when stored data was damaged and had to be reset (shown once to the visitor) */
  recovered: boolean
  award(exhibitId: string, score: number): boolean
  reset(): void
}

const fresh = (): PassportData => ({ passportId: createPassportId(), stamps: {} })

export const usePassportStore = create<PassportSlice>()(
  persist(
    (set, get) => ({
      ...fresh(),
      recovered: false,
      /** Returns true when this is a new stamp. Keeps the best score. */
      award(exhibitId, score) {
        const prev = get().stamps[exhibitId]
        set({ stamps: { ...get().stamps, [exhibitId]: { awardedAt: prev?.awardedAt ?? new Date().toISOString(), score: Math.max(score, prev?.score ?? 0) } } })
        return !prev
      },
      reset: () => set({ ...fresh() }),
    }),
    {
      name: 'sophora.passport',
      version: 1,
      // Hydrated by bootstrap after checkStoredPassport(), so damage can be reported.
      skipHydration: true,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ passportId: s.passportId, stamps: s.stamps }),
      merge(persisted, current) {
        if (persisted === undefined || persisted === null) return current
        const r = PassportDataSchema.safeParse(persisted)
        return r.success ? { ...current, ...r.data } : { ...current, recovered: true }
      },
    },
  ),
)

/**
 * zustand's persist cannot parse broken JSON (it logs and keeps defaults, then
 * overwrites). Check the raw value first so the visitor is told their data was reset.
 */
export function checkStoredPassport(storage: Storage = localStorage): 'ok' | 'reset' {
  const raw = storage.getItem('sophora.passport')
  if (raw === null) return 'ok'
  try {
    const parsed = JSON.parse(raw) as { state?: unknown }
    if (PassportDataSchema.safeParse(parsed.state).success) return 'ok'
  } catch { /* fall through */ }
  storage.removeItem('sophora.passport')
  return 'reset'
}

/**
 * Start-up: check what is stored, load it, and write it straight back so a new passport
 * id is kept from the first page view (not only after the first stamp).
 */
export async function hydratePassport(storage: Storage = localStorage): Promise<'ok' | 'reset'> {
  const status = checkStoredPassport(storage)
  await usePassportStore.persist.rehydrate()
  usePassportStore.setState({})
  return status
}
