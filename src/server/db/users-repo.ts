import type { Db } from './database.ts'
import type { Role } from '../auth/roles.ts'

export interface UserRow {
  id: number
  name: string
  role: Role
  password_hash: string
  created_ms: number
  disabled_ms: number | null
  last_sign_in_ms: number | null
}

/** The `users` table (guides and admins). Plain functions: the CLI uses them on a short-lived connection. */
export function findUserByName(db: Db, name: string): UserRow | undefined {
  return db.prepare<[string], UserRow>('SELECT * FROM users WHERE name = ?').get(name)
}

export function insertUser(db: Db, user: { name: string; role: Role; passwordHash: string; createdMs: number }): number {
  return Number(
    db.prepare('INSERT INTO users (name, role, password_hash, created_ms) VALUES (?, ?, ?, ?)').run(user.name, user.role, user.passwordHash, user.createdMs)
      .lastInsertRowid,
  )
}

/** Sets a new password hash and signs the user out everywhere, in one transaction. */
export function replacePassword(db: Db, userId: number, passwordHash: string): void {
  db.transaction(() => {
    db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, userId)
    db.prepare('DELETE FROM auth_sessions WHERE user_id = ?').run(userId)
  })()
}

export type UserListRow = Omit<UserRow, 'password_hash'>
export function allUsers(db: Db): UserListRow[] {
  return db.prepare<[], UserListRow>('SELECT id, name, role, created_ms, disabled_ms, last_sign_in_ms FROM users ORDER BY name').all()
}

export function findUserById(db: Db, id: number): UserRow | undefined {
  return db.prepare<[number], UserRow>('SELECT * FROM users WHERE id = ?').get(id)
}

/** Admins who can still sign in: the last one may not be disabled or demoted. */
export function activeAdminCount(db: Db): number {
  return db.prepare("SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled_ms IS NULL").pluck().get() as number
}

export function setRole(db: Db, userId: number, role: Role): void {
  db.prepare('UPDATE users SET role = ? WHERE id = ?').run(role, userId)
}

/** Disables (and ends every session of) or re-enables a user; callers run it in their transaction. */
export function setDisabled(db: Db, userId: number, disabledMs: number | null): void {
  db.prepare('UPDATE users SET disabled_ms = ? WHERE id = ?').run(disabledMs, userId)
  if (disabledMs !== null) db.prepare('DELETE FROM auth_sessions WHERE user_id = ?').run(userId)
}

export function noteSignIn(db: Db, userId: number, atMs: number): void {
  db.prepare('UPDATE users SET last_sign_in_ms = ? WHERE id = ?').run(atMs, userId)
}
