import type { Db } from './database.ts'
import type { Role } from '../auth/roles.ts'

export interface UserRow {
  id: number
  name: string
  role: Role
  password_hash: string
  created_ms: number
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

export function allUsers(db: Db): Pick<UserRow, 'name' | 'role' | 'created_ms'>[] {
  return db.prepare<[], Pick<UserRow, 'name' | 'role' | 'created_ms'>>('SELECT name, role, created_ms FROM users ORDER BY name').all()
}
