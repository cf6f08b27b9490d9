import { StaffSessionSchema, type StaffSession } from './passport-api.ts'

/**
 * A guide's sign-in lives in sessionStorage: it ends with the browser tab, so a shared
 * station never keeps a guide signed in for the next person.
 */
const KEY = 'sophora.guide'

export function loadGuideSession(storage: Storage | undefined = globalThis.sessionStorage, now = Date.now()): StaffSession | null {
  try {
    const r = StaffSessionSchema.safeParse(JSON.parse(storage?.getItem(KEY) ?? 'null'))
    if (r.success && Date.parse(r.data.expiresAt) > now) return r.data
  } catch {
    /* unreadable: signed out */
  }
  return null
}

export function saveGuideSession(s: StaffSession | null, storage: Storage | undefined = globalThis.sessionStorage): void {
  if (s) storage?.setItem(KEY, JSON.stringify(s))
  else storage?.removeItem(KEY)
}
