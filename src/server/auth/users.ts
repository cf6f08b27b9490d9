import { z } from 'zod'
import type { Db } from '../db/database.ts'
import { hashPassword } from './secrets.ts'

export const RoleSchema = z.enum(['guide', 'admin'])
export type Role = z.infer<typeof RoleSchema>
export const UserNameSchema = z.string().trim().min(1).max(64).regex(/^[\p{L}\p{N}._-]+$/u, 'letters, digits, . _ - only')

/** Guides may use a PIN (≥ 4 characters); admins need a real password (≥ 8). */
export function passwordProblem(role: Role, password: string): string | null {
  const min = role === 'admin' ? 8 : 4
  if (password.length < min) return `a ${role} password must have at least ${min} characters`
  if (password.length > 256) return 'password too long'
  return null
}

export interface UserRow { id: number; name: string; role: Role; password_hash: string; created_ms: number }

export function findUser(db: Db, name: string): UserRow | undefined {
  return db.prepare('SELECT * FROM users WHERE name = ?').get(name) as UserRow | undefined
}

export async function createUser(db: Db, name: string, role: Role, password: string): Promise<number> {
  const problem = passwordProblem(role, password)
  if (problem) throw new Error(problem)
  if (findUser(db, name)) throw new Error(`user ${name} already exists`)
  const hash = await hashPassword(password)
  return Number(db.prepare('INSERT INTO users (name, role, password_hash, created_ms) VALUES (?, ?, ?, ?)').run(name, role, hash, Date.now()).lastInsertRowid)
}

export async function resetPassword(db: Db, name: string, password: string): Promise<void> {
  const user = findUser(db, name)
  if (!user) throw new Error(`no user named ${name}`)
  const problem = passwordProblem(user.role, password)
  if (problem) throw new Error(problem)
  const hash = await hashPassword(password)
  db.transaction(() => {
    db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(hash, user.id)
    db.prepare('DELETE FROM auth_sessions WHERE user_id = ?').run(user.id)
  })()
}

export function listUsers(db: Db): { name: string; role: Role; createdAt: string }[] {
  return (db.prepare('SELECT name, role, created_ms FROM users ORDER BY name').all() as UserRow[])
    .map((u) => ({ name: u.name, role: u.role, createdAt: new Date(u.created_ms).toISOString() }))
}
