// @vitest-environment node
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createOutbox } from '../outbox.ts'
import { InvalidVisitEventError, createVisitRecorder } from '../recorder.ts'
import type { VisitEvent } from '../../../core/event-schema.ts'

const stationId = '6f1c1a52-55b0-4d5e-9d43-8f0d7f1f4f10'

describe('createVisitRecorder', () => {
  it('fills time-ordered ids, time, station, passport and session, and stores the event', async () => {
    const stored: VisitEvent[] = []
    let passport: string | null = null
    const rec = createVisitRecorder({
      outbox: {
        add: async (e) => {
          stored.push(e)
        },
      },
      stationId,
      getPassportId: () => passport,
      getSessionId: () => '0195c1d2-0000-7000-8000-000000000001',
      now: () => new Date('2026-03-01T02:00:00.000Z'),
    })
    const a = await rec.record({ type: 'exhibit-started', exhibitId: 'fire-escape', data: {} })
    passport = 'SP-0123456789AB'
    const b = await rec.record({ type: 'answer-given', exhibitId: 'fire-escape', data: { quizId: 'q1', choiceId: 'a', correct: true } })
    expect(a).toMatchObject({ stationId, time: '2026-03-01T02:00:00.000Z', sessionId: '0195c1d2-0000-7000-8000-000000000001' })
    expect(a.passportId).toBeUndefined()
    expect(b.passportId).toBe('SP-0123456789AB')
    expect(a.id < b.id).toBe(true)
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/)
    expect(stored).toEqual([a, b])
  })

  it('refuses an invalid event and stores nothing', async () => {
    const outbox = createOutbox({ dbName: 'recorder-invalid' })
    const rec = createVisitRecorder({ outbox, stationId, getPassportId: () => 'not-a-passport', getSessionId: () => null })
    await expect(rec.record({ type: 'exhibit-started', exhibitId: 'fire-escape', data: {} })).rejects.toThrow(InvalidVisitEventError)
    const rec2 = createVisitRecorder({ outbox, stationId, getPassportId: () => null, getSessionId: () => null })
    await expect(rec2.record({ type: 'exhibit-crashed', exhibitId: 'fire-escape', data: { message: 'x'.repeat(600) } })).rejects.toThrow(/data\.message/)
    expect(await outbox.countPending()).toBe(0)
    outbox.close()
  })
})
