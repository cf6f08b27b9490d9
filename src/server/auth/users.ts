import type { Db } from '../db/database.ts'
import { allUsers, findUserByName, insertUser, replacePassword } from '../db/users-repo.ts'
import { PASSWORD_COST, hashPassword } from './secrets.ts'

import { RoleSchema, type Role } from './roles.ts'
import { UserNameSchema } from '../../core/user-admin.ts'

export { RoleSchema, type Role }
export { UserNameSchema }

/** Guides may use a PIN (≥ 4 characters); admins need a real password (≥ 8). */
export function passwordProblem(role: Role, password: string): string | null {
  const min = role === 'admin' ? 8 : 4
  if (password.length < min) return `a ${role} password must have at least ${min} characters`
  if (password.length > 256) return 'password too long'
  return null
}

/** `passwordCost`: scrypt's N, lowered only by tests (see hashPassword). */
export async function createUser(
  db: Db,
  name: string,
  role: Role,
  password: string,
  now: () => number = Date.now,
  passwordCost = PASSWORD_COST,
): Promise<number> {
  const problem = passwordProblem(role, password)
  if (problem) throw new Error(problem)
  if (findUserByName(db, name)) throw new Error(`user ${name} already exists`)
  const passwordHash = await hashPassword(password, passwordCost)
  return insertUser(db, { name, role, passwordHash, createdMs: now() })
}

export async function resetPassword(db: Db, name: string, password: string): Promise<void> {
  const user = findUserByName(db, name)
  if (!user) throw new Error(`no user named ${name}`)
  const problem = passwordProblem(user.role, password)
  if (problem) throw new Error(problem)
  replacePassword(db, user.id, await hashPassword(password))
}

export function listUsers(db: Db): { name: string; role: Role; createdAt: string; disabled: boolean }[] {
  return allUsers(db).map((u) => ({ name: u.name, role: u.role, createdAt: new Date(u.created_ms).toISOString(), disabled: u.disabled_ms !== null }))
}
