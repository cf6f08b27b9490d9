import { z } from 'zod'

/**
 * Who this station is to the stats server. The station id is made here, on first
 * run, so events can be recorded before the server was ever reachable; the token
 * arrives when the sync client registers. With the id the station makes a secret:
 * the server lets only its holder register that id again (so knowing an id is not
 * enough to take a station over), which also covers a registration answer lost on
 * the way. All three live in localStorage.
 */
export interface StationCredentials {
  readonly stationId: string
  readonly name: string
  readonly enrollCode: string | undefined
  getToken(): string | null
  setToken(token: string | null): void
  /** The body of POST /api/stations for this station. */
  registration(): { stationId: string; name: string; secret: string; enrollCode?: string }
}

export interface StationCredentialsOptions {
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>
  key?: string
  /** Shown to admins, e.g. "kiosk-2F-fire". */
  name?: string
  /** Needed only when the server sets STATION_ENROLL_CODE. */
  enrollCode?: string
}

const StoredSchema = z.object({ stationId: z.uuid(), token: z.string().min(1).nullable(), secret: z.string().min(32).optional() })

/** 256 random bits, base64url. */
function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '')
}

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
  // A station stored before secrets existed gets one now; the server learns it at its next registration.
  const state = { stationId: stored?.stationId ?? crypto.randomUUID(), token: stored?.token ?? null, secret: stored?.secret ?? newSecret() }
  const save = () => storage.setItem(key, JSON.stringify(state))
  if (stored?.secret === undefined) save()
  return {
    stationId: state.stationId,
    name,
    enrollCode,
    getToken: () => state.token,
    setToken(token) {
      state.token = token
      save()
    },
    registration: () => ({ stationId: state.stationId, name, secret: state.secret, ...(enrollCode ? { enrollCode } : {}) }),
  }
}
