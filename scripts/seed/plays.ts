import type { VisitEvent } from '../../src/core/event-schema.ts'
import type { SeedExhibit, SeedItem } from './catalogue.ts'
import type { Rng } from './random.ts'

export interface Play {
  exhibit: SeedExhibit
  startMs: number
  stationId: string
  mode: 'flat' | 'vr'
  passportId?: string
  sessionId?: string
}

const answer = (rng: Rng, item: SeedItem): [string, boolean] => (rng.chance(item.pCorrect) ? [item.correct, true] : [rng.weighted(item.wrong), false])

/**
 * One visitor at one exhibit, as the station's recorder would send it: started, each step
 * (a wrong pick first now and then), the quiz, completed (+ stamp when passed), exited.
 * About 6% leave part-way, 0.3% crash. Returns the events and when the play ended.
 */
export function playEvents(rng: Rng, p: Play): { events: VisitEvent[]; endMs: number } {
  const total = Math.max(90_000, rng.normal(p.exhibit.minutes * 60_000, p.exhibit.minutes * 12_000))
  const slots = p.exhibit.steps.length + p.exhibit.quiz.length + 1
  let t = p.startMs
  const events: VisitEvent[] = []
  const base = () => ({
    id: rng.uuidv7(t),
    time: new Date(t).toISOString(),
    stationId: p.stationId,
    exhibitId: p.exhibit.id,
    ...(p.sessionId ? { sessionId: p.sessionId } : {}),
    ...(p.passportId ? { passportId: p.passportId } : {}),
  })
  const tick = () => (t += Math.round((total / slots) * (0.6 + 0.8 * rng.next())))
  events.push({ ...base(), type: 'exhibit-started', data: { mode: p.mode } })
  const leaveAt = rng.chance(0.06) ? rng.int(1, slots - 1) : -1
  const crashAt = rng.chance(0.003) ? rng.int(1, slots - 1) : -1
  let slot = 0
  const stop = (): boolean => {
    slot++
    if (slot === crashAt) {
      events.push({ ...base(), type: 'exhibit-crashed', data: { message: 'WebGL context lost' } })
      return true
    }
    if (slot === leaveAt) {
      events.push({ ...base(), type: 'exhibit-exited', data: { reason: rng.chance(0.5) ? 'visitor' : 'idle', durationMs: t - p.startMs } })
      return true
    }
    return false
  }
  for (const s of p.exhibit.steps) {
    tick()
    if (!rng.chance(s.pCorrect)) events.push({ ...base(), type: 'step-mistake', data: { stepId: s.id, choiceId: rng.weighted(s.wrong) } })
    events.push({ ...base(), type: 'step-completed', data: { stepId: s.id } })
    if (stop()) return { events, endMs: t }
  }
  let score = 0
  for (const q of p.exhibit.quiz) {
    tick()
    const [choiceId, correct] = answer(rng, q)
    if (correct) score++
    events.push({ ...base(), type: 'answer-given', data: { quizId: q.id, choiceId, correct } })
    if (stop()) return { events, endMs: t }
  }
  tick()
  const durationMs = Math.min(t - p.startMs, 86_400_000)
  const passed = score >= p.exhibit.pass
  events.push({ ...base(), type: 'exhibit-completed', data: { score, maxScore: p.exhibit.quiz.length, passed, durationMs } })
  if (passed) events.push({ ...base(), type: 'stamp-awarded', data: { stampId: p.exhibit.id } })
  t += rng.int(5_000, 30_000)
  events.push({ ...base(), type: 'exhibit-exited', data: { reason: 'visitor', durationMs: t - p.startMs } })
  return { events, endMs: t }
}
