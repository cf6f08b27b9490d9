import { z } from 'zod'
import { create } from 'zustand'
import { persist, createJSONStorage } from 'zustand/middleware'
import { CommandSchema, StationProfileSchema, type Command, type StationProfile } from '../../core/station-live.ts'

/**
 * This station's side of a class session: its profile, the session it is in, the guide's
 * pause, a command waiting for the student to reach a safe point, and the command cursor.
 * Persisted, so a reload (or a headset that slept) keeps the pause and does not replay
 * commands it already handled.
 */
export const PersistedLiveSchema = z.object({
  profile: StationProfileSchema.nullable(),
  sessionId: z.uuid().nullable(),
  held: z.boolean(),
  cursor: z.number().int().min(0),
  waiting: z.object({ seq: z.number().int(), command: CommandSchema }).nullable(),
})
export type PersistedLive = z.infer<typeof PersistedLiveSchema>

export type NarrationState = 'none' | 'paused' | 'playing'

export interface LiveSlice extends PersistedLive {
  connected: boolean
  /** what the guide's pause did to this station's narration (for the overlay and the tests) */
  narration: NarrationState
  /** the last command handled: its seq and type */
  last: { seq: number; type: Command['type'] } | null
  /** shown once: the session ended */
  ended: boolean
}

const fresh = (): PersistedLive => ({ profile: null, sessionId: null, held: false, cursor: 0, waiting: null })

export const useLiveStation = create<LiveSlice>()(
  persist((): LiveSlice => ({ ...fresh(), connected: false, narration: 'none', last: null, ended: false }), {
    name: 'sophora.live',
    version: 1,
    storage: createJSONStorage(() => localStorage),
    partialize: (s) => ({ profile: s.profile, sessionId: s.sessionId, held: s.held, cursor: s.cursor, waiting: s.waiting }),
    merge(persisted, current) {
      const r = PersistedLiveSchema.safeParse(persisted)
      return r.success ? { ...current, ...r.data } : current
    },
  }),
)

export function setProfile(profile: StationProfile | null): void {
  useLiveStation.setState({ profile })
}
