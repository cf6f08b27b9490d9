import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { DUMMY_PASSWORD_HASH, hashPassword, hashToken, verifyPassword } from '../auth/secrets.ts'
import type { Pool } from './database.ts'

/**
 * District administrators: created on the district machine (`npm run district -- add-admin
 * <username>`, password printed once), signed in with a password for a bearer token that
 * lasts a working day. Nothing else at the district has a user account.
 */
export const AdminUsernameSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'must be 2–32 characters a-z, 0-9, . _ -')
const TOKEN_PREFIX = 'sda_'
export const SESSION_HOURS = 12

/** Creates an admin, or gives an existing one a new password (and ends their sessions). Returns the password. */
export async function setAdmin(pool: Pool, username: string): Promise<string> {
  const name = AdminUsernameSchema.parse(username)
  const password = randomBytes(12).toString('base64url')
  const hash = await hashPassword(password)
  await pool.query(
    `INSERT INTO district_admins (username, password_hash) VALUES ($1, $2)
     ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash`,
    [name, hash],
  )
  await pool.query('DELETE FROM district_sessions WHERE username = $1', [name])
  return password
}

/** A token for a right username and password, else null (the same scrypt cost either way). */
export async function signIn(pool: Pool, username: string, password: string): Promise<{ token: string; expiresAt: Date } | null> {
  const r = await pool.query<{ password_hash: string }>('SELECT password_hash FROM district_admins WHERE username = $1', [username])
  const ok = await verifyPassword(password, r.rows[0]?.password_hash ?? DUMMY_PASSWORD_HASH)
  if (!ok || !r.rows[0]) return null
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url')
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3_600_000)
  await pool.query('DELETE FROM district_sessions WHERE expires_at < now()')
  await pool.query('INSERT INTO district_sessions (token_hash, username, expires_at) VALUES ($1, $2, $3)', [hashToken(token), username, expiresAt])
  return { token, expiresAt }
}

/** The admin a bearer token belongs to, or null (unknown or expired). */
export async function adminOfToken(pool: Pool, token: string): Promise<string | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null
  const r = await pool.query<{ username: string }>('SELECT username FROM district_sessions WHERE token_hash = $1 AND expires_at > now()', [hashToken(token)])
  return r.rows[0]?.username ?? null
}

export async function signOut(pool: Pool, token: string): Promise<void> {
  await pool.query('DELETE FROM district_sessions WHERE token_hash = $1', [hashToken(token)])
}
