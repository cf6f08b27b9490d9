import { z } from 'zod'

/**
 * Who this station is to the stats server. The station id is made here, on first
 * run, so events can be recorded before the server was ever reachable; the token
 * arrives when the sync client registers. Both live in localStorage.
 */
export interface StationCredentials {
  readonly stationId: string
  readonly name: string
  readonly enrollCode: string | undefined
  getToken(): string | null
  setToken(token: string | null): void
}

export interface StationCredentialsOptions {
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>
  key?: string
  /** Shown to admins, e.g. "kiosk-2F-fire". */
  name?: string
  /** Needed only when the server sets STATION_ENROLL_CODE. */
  enrollCode?: string
}

const StoredSchema = z.object({ stationId: z.uuid(), token: z.string().min(1).nullable() })

export function createStationCredentials({
  storage = globalThis.localStorage,
  key = 'sophora.station',
  name = 'station',
  enrollCode,
}: StationCredentialsOptions = {}): StationCredentials {
  let stored: z.infer<typeof StoredSchema> | null = null
  try {
    const raw = storage.getItem(key)
    const parsed = raw ? StoredSchema.safeParse(JSON.parse(raw)) : null
    if (parsed?.success) stored = parsed.data
  } catch {
    /* unreadable: start over with a new identity */
  }
  const state = stored ?? { stationId: crypto.randomUUID(), token: null }
  const save = () => storage.setItem(key, JSON.stringify(state))
  if (!stored) save()
  return {
    stationId: state.stationId,
    name,
    enrollCode,
    getToken: () => state.token,
    setToken(token) {
      state.token = token
      save()
    },
  }
}
