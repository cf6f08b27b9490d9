// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { DUMMY_PASSWORD_HASH, createToken, hashPassword, hashToken, tokenKind, verifyPassword } from '../auth/secrets.ts'
import { createDayOf } from '../ingest.ts'

describe('passwords', () => {
  it('scrypt with a random salt; right password verifies, wrong does not', async () => {
    const a = await hashPassword('2468')
    const b = await hashPassword('2468')
    expect(a).not.toBe(b)
    expect(await verifyPassword('2468', a)).toBe(true)
    expect(await verifyPassword('2469', a)).toBe(false)
    expect(await verifyPassword('anything', DUMMY_PASSWORD_HASH)).toBe(false)
    expect(await verifyPassword('2468', 'garbage')).toBe(false)
  })
})

describe('tokens', () => {
  it('are prefixed by kind, random, and hashed deterministically', () => {
    const s = createToken('station'),
      u = createToken('user')
    expect(tokenKind(s)).toBe('station')
    expect(tokenKind(u)).toBe('user')
    expect(tokenKind('xyz')).toBeNull()
    expect(createToken('station')).not.toBe(s)
    expect(hashToken(s)).toBe(hashToken(s))
    expect(hashToken(s)).not.toContain(s.slice(4))
  })
})

describe('createDayOf', () => {
  it('gives the calendar day in the center time zone', () => {
    const day = createDayOf('Asia/Shanghai')
    expect(day(Date.parse('2026-03-01T15:59:59Z'))).toBe('2026-03-01')
    expect(day(Date.parse('2026-03-01T16:00:00Z'))).toBe('2026-03-02')
    expect(createDayOf('UTC')(Date.parse('2026-03-01T16:00:00Z'))).toBe('2026-03-01')
  })
})
