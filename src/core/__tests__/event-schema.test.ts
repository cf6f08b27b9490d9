// @vitest-environment node
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { v4 as uuidv4, v7 as uuidv7 } from 'uuid'
import { VisitEventSchema } from '../event-schema.ts'
import { PassportIdSchema, createPassportId, normalizePassportId } from '../passport-id.ts'

const ok = { id: uuidv7(), time: '2026-03-01T10:00:00+08:00', stationId: uuidv4(), exhibitId: 'fire-escape' }

describe('VisitEventSchema', () => {
  it('accepts each type with its data', () => {
    const datas = {
      'exhibit-started': {}, 'step-completed': { stepId: 'a' }, 'step-mistake': { stepId: 'a', choiceId: 'b' },
      'answer-given': { quizId: 'q', choiceId: 'c', correct: true }, 'exhibit-completed': { score: 1, maxScore: 1, passed: true, durationMs: 0 },
      'stamp-awarded': { stampId: 'fire' }, 'exhibit-crashed': { message: '' }, 'exhibit-exited': { reason: 'idle' },
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

describe('passport ids', () => {
  it('are SP- + 12 Crockford characters and all different', () => {
    const ids = Array.from({ length: 2000 }, () => createPassportId())
    for (const id of ids) expect(PassportIdSchema.parse(id)).toBe(id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('normalise what people type from paper', () => {
    expect(normalizePassportId(' sp-01ab cdef ghjk ')).toBe('SP-01ABCDEFGHJK')
    expect(normalizePassportId('SP-O1IL23456789')).toBe('SP-011123456789')
    expect(normalizePassportId('SP-123')).toBeNull()
    expect(normalizePassportId('SP-UUUUUUUUUUUU')).toBeNull()
    fc.assert(fc.property(fc.uint8Array({ minLength: 12, maxLength: 12 }), (bytes) => {
      const id = createPassportId(() => bytes)
      expect(normalizePassportId(id.toLowerCase())).toBe(id)
    }))
  })
})
