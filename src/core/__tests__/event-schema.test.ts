// @vitest-environment node
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { v4 as uuidv4, v7 as uuidv7 } from 'uuid'
import { VisitEventSchema } from '../event-schema.ts'
import { isLegacyDevicePassport } from '../event-schema.ts'
import { createPassportCode } from '../passport-code.ts'

const ok = { id: uuidv7(), time: '2026-03-01T10:00:00+08:00', stationId: uuidv4(), exhibitId: 'fire-escape' }

describe('VisitEventSchema', () => {
  it('accepts each type with its data', () => {
    const datas = {
      'exhibit-started': {},
      'step-completed': { stepId: 'a' },
      'step-mistake': { stepId: 'a', choiceId: 'b' },
      'answer-given': { quizId: 'q', choiceId: 'c', correct: true },
      'exhibit-completed': { score: 1, maxScore: 1, passed: true, durationMs: 0 },
      'stamp-awarded': { stampId: 'fire' },
      'exhibit-crashed': { message: '' },
      'exhibit-exited': { reason: 'idle' },
    }
    for (const [type, data] of Object.entries(datas)) expect(VisitEventSchema.safeParse({ ...ok, type, data }).success, type).toBe(true)
  })

  it('rejects data of another type, extra fields, v4 event ids, long crash messages, score > maxScore', () => {
    const bad = [
      { ...ok, type: 'step-completed', data: { quizId: 'q' } },
      { ...ok, type: 'exhibit-started', data: {}, name: 'Wang Xiaoming' },
      { ...ok, id: uuidv4(), type: 'exhibit-started', data: {} },
      { ...ok, type: 'exhibit-crashed', data: { message: 'x'.repeat(501) } },
      { ...ok, type: 'exhibit-completed', data: { score: 5, maxScore: 4, passed: true, durationMs: 1 } },
      { ...ok, exhibitId: 'Fire_Escape', type: 'exhibit-started', data: {} },
      { ...ok, time: '2026-03-01 10:00', type: 'exhibit-started', data: {} },
    ]
    for (const e of bad) expect(VisitEventSchema.safeParse(e).success, JSON.stringify(e).slice(0, 120)).toBe(false)
  })
})

describe('event passportId', () => {
  const start = { ...ok, type: 'exhibit-started', data: {} }
  it('accepts a passport code and, for events already in an outbox, a legacy device passport', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 8 }), (bytes) => {
        // The first draw from fast-check; a redraw (check value outside the alphabet) from Web Crypto.
        let first = true
        const code = createPassportCode((b) => (first ? ((first = false), Uint8Array.from(bytes)) : crypto.getRandomValues(b)))
        expect(VisitEventSchema.parse({ ...start, passportId: code }).passportId).toBe(code)
      }),
    )
    expect(VisitEventSchema.safeParse({ ...start, passportId: 'SP-0123456789AB' }).success).toBe(true)
    expect(isLegacyDevicePassport('SP-0123456789AB')).toBe(true)
    expect(isLegacyDevicePassport(createPassportCode())).toBe(false)
  })

  it('rejects a code with a wrong check character, a typed (unnormalised) form and anything else, naming the field', () => {
    const code = createPassportCode()
    const typo = `${code.slice(0, 4)}${code[4] === '0' ? '1' : '0'}${code.slice(5)}`
    for (const passportId of [typo, code.toLowerCase(), `${code.slice(0, 5)}-${code.slice(5)}`, 'SP-123', 'robert']) {
      const r = VisitEventSchema.safeParse({ ...start, passportId })
      expect(r.success, passportId).toBe(false)
      expect(r.error?.issues[0]?.path).toEqual(['passportId'])
    }
  })
})
