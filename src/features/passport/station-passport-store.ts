import { z } from 'zod'
import { create } from 'zustand'
import { persist, createJSONStorage } from 'zustand/middleware'
import { PassportCodeSchema, type PassportCode } from '../../core/passport-code.ts'

/**
 * The passport checked in on this station right now, and the stamps earned here per
 * passport (so a station that is offline still shows a student what they earned on it).
 * Only the code is kept — never a name. Check-out clears the station for the next student.
 */
export const StampRecordSchema = z.object({ awardedAt: z.string(), score: z.number().int().min(0) })
export type StampRecord = z.infer<typeof StampRecordSchema>
export type Stamps = Record<string, StampRecord>

export const StationPassportSchema = z.object({
  /** the checked-in passport, or null: a walk-in visitor plays without one */
  code: PassportCodeSchema.nullable(),
  /** false while the server has not confirmed the code (checked in offline) */
  confirmed: z.boolean(),
  /** stamps earned on this station, by passport code */
  local: z.record(z.string(), z.record(z.string(), StampRecordSchema)),
})
export type StationPassport = z.infer<typeof StationPassportSchema>

/** Codes whose local stamps are kept; the oldest are dropped (the server keeps the real record). */
export const MAX_LOCAL_PASSPORTS = 200
const KEY = 'sophora.checkin'
/** The pre-issue-8 device passport: one id for every student on the station. */
export const LEGACY_KEY = 'sophora.passport'

interface StationPassportSlice extends StationPassport {
  /** set when stored data was damaged and had to be reset (shown once to the visitor) */
  recovered: boolean
  /** stamps the server holds for the checked-in passport (not persisted; refreshed when online) */
  server: Stamps
  checkIn(code: PassportCode, confirmed: boolean): void
  checkOut(): void
  setServerStamps(code: PassportCode, stamps: Stamps): void
  /** Stamps the checked-in passport; returns true when this stamp is new. No passport: nothing kept. */
  award(exhibitId: string, score: number, now?: Date): boolean
}

const fresh = (): StationPassport => ({ code: null, confirmed: false, local: {} })

export const useStationPassport = create<StationPassportSlice>()(
  persist(
    (set, get) => ({
      ...fresh(),
      recovered: false,
      server: {},
      checkIn: (code, confirmed) => set({ code, confirmed, server: {} }),
      checkOut: () => set({ code: null, confirmed: false, server: {} }),
      setServerStamps(code, stamps) {
        if (get().code === code) set({ server: stamps })
      },
      award(exhibitId, score, now = new Date()) {
        const { code, local, server } = get()
        if (!code) return false
        const mine = local[code] ?? {}
        const prev = mine[exhibitId]
        const rest = Object.fromEntries(
          Object.entries(local)
            .filter(([c]) => c !== code)
            .slice(-(MAX_LOCAL_PASSPORTS - 1)),
        )
        const record = { awardedAt: prev?.awardedAt ?? now.toISOString(), score: Math.max(score, prev?.score ?? 0) }
        // re-inserted last: the object's key order is the recency order used for trimming
        set({ local: { ...rest, [code]: { ...mine, [exhibitId]: record } } })
        return !prev && !server[exhibitId]
      },
    }),
    {
      name: KEY,
      version: 1,
      // Hydrated by bootstrap after checkStoredStation(), so damage can be reported.
      skipHydration: true,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ code: s.code, confirmed: s.confirmed, local: s.local }),
      merge(persisted, current) {
        if (persisted === undefined || persisted === null) return current
        const r = StationPassportSchema.safeParse(persisted)
        return r.success ? { ...current, ...r.data } : { ...current, recovered: true }
      },
    },
  ),
)

/** Local and server stamps of one passport, the better score of each kept. */
export function mergeStamps(a: Stamps, b: Stamps): Stamps {
  const out: Stamps = { ...a }
  for (const [id, s] of Object.entries(b)) {
    const p = out[id]
    out[id] = p ? { awardedAt: p.awardedAt < s.awardedAt ? p.awardedAt : s.awardedAt, score: Math.max(p.score, s.score) } : s
  }
  return out
}

/** The checked-in passport's stamps: earned on this station, merged with the server's. */
export function useCheckedInStamps(): Stamps {
  const code = useStationPassport((s) => s.code)
  const local = useStationPassport((s) => (s.code ? s.local[s.code] : undefined))
  const server = useStationPassport((s) => s.server)
  if (!code) return {}
  return mergeStamps(local ?? {}, server)
}

export type HydrateStatus = 'ok' | 'reset' | 'legacy-dropped'

/**
 * Start-up: zustand's persist cannot report broken JSON (it logs and overwrites), so the
 * raw value is checked first. The old per-device `SP-…` passport is dropped: its stamps
 * were earned by every student who used the station and belong to none of them.
 */
export async function hydrateStationPassport(storage: Storage = localStorage): Promise<HydrateStatus> {
  let status: HydrateStatus = 'ok'
  const raw = storage.getItem(KEY)
  if (raw !== null) {
    try {
      const parsed = JSON.parse(raw) as { state?: unknown }
      if (!StationPassportSchema.safeParse(parsed.state).success) status = 'reset'
    } catch {
      status = 'reset'
    }
    if (status === 'reset') storage.removeItem(KEY)
  }
  if (storage.getItem(LEGACY_KEY) !== null) {
    storage.removeItem(LEGACY_KEY)
    if (status === 'ok') status = 'legacy-dropped'
  }
  await useStationPassport.persist.rehydrate()
  useStationPassport.setState({})
  return status
}
