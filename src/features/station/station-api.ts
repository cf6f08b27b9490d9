import { z } from 'zod'
import type { StationProfile } from '../../core/station-live.ts'

type Fetch = typeof fetch
const def: Fetch = (i, init) => globalThis.fetch(i, init)
const json = (token: string, body: unknown): RequestInit => ({
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  body: JSON.stringify(body),
})

/** A guide signed in on this device sets the station's profile; true when saved. */
export async function saveProfile(stationId: string, profile: StationProfile, guideToken: string, doFetch: Fetch = def): Promise<boolean> {
  const r = await doFetch(`/api/console/stations/${stationId}/profile`, { method: 'PUT', ...json(guideToken, profile) }).catch(() => null)
  return r?.status === 204
}

/** The setup QR's one-time token instead of a guide sign-in: 'saved', 'spent' (used or expired) or 'failed'. */
export async function saveProfileBySetupToken(
  setupToken: string,
  profile: StationProfile,
  stationToken: string,
  doFetch: Fetch = def,
): Promise<'saved' | 'spent' | 'failed'> {
  const r = await doFetch('/api/station/setup-profile', { method: 'PUT', ...json(stationToken, { setupToken, profile }) }).catch(() => null)
  return r?.status === 204 ? 'saved' : r?.status === 410 ? 'spent' : 'failed'
}

/** The setup QR opens `/station/setup#setup=<token>`: the fragment never reaches a server log. */
export function setupTokenFromHash(hash: string): string | null {
  const v = new URLSearchParams(hash.replace(/^#/, '')).get('setup')
  return v && /^[\w-]{20,100}$/.test(v) ? v : null
}

const JoinedSchema = z.object({ sessionId: z.uuid() })
/** The station joins the class session whose code it was given (the session QR); its id, or null. */
export async function joinByCode(joinCode: string, stationToken: string, doFetch: Fetch = def): Promise<string | null> {
  const r = await doFetch('/api/station/join', { method: 'POST', ...json(stationToken, { joinCode }) }).catch(() => null)
  if (!r?.ok) return null
  const p = JoinedSchema.safeParse(await r.json().catch(() => null))
  return p.success ? p.data.sessionId : null
}
