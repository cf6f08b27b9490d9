import type { Db } from './db/database.ts'
import type { Misconception, SessionLabels, SessionSummary, SummaryExhibit, SummaryPassport } from '../core/session-summary.ts'

export interface SummaryPlan {
  /** The exhibits chosen for the visit (for "not visited"); others played still appear. */
  plannedExhibitIds: readonly string[]
  /** The session's passports, in the order they were issued; codes seen in events are added. */
  passportCodes: readonly string[]
  labels: SessionLabels | null
}

interface EventRow {
  id: string
  time_ms: number
  station_id: string
  passport_id: string | null
  exhibit_id: string
  type: string
  item_id: string | null
  correct: number | null
  duration_ms: number | null
  data: string
}

const median = (xs: number[]): number | null => {
  if (!xs.length) return null
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor((s.length - 1) / 2)
  return s.length % 2 ? s[m]! : (s[m]! + s[m + 1]!) / 2
}
const setOf = <K, V>(m: Map<K, Set<V>>, k: K) => m.get(k) ?? m.set(k, new Set()).get(k)!

interface ItemTally {
  exhibitId: string
  kind: 'quiz' | 'step'
  itemId: string
  respondents: Set<string>
  wrong: Map<string, Set<string>>
  correctChoiceId: string | null
}

/**
 * The end-of-session summary, from the session's events alone (index events_session): who
 * finished what, scores, times, the class's top wrong choices and what nobody visited.
 *
 * Students are counted by passport. A run without a passport (a student who did not check in)
 * counts as its station for wrong choices (one anonymous respondent per station) and as one
 * finisher per completion, so anonymous play is neither lost nor merged into a passport.
 */
export function buildSessionSummary(db: Db, sessionId: string, plan: SummaryPlan): SessionSummary {
  const rows = db
    .prepare<[string], EventRow>(
      `SELECT id, time_ms, station_id, passport_id, exhibit_id, type, item_id, correct, duration_ms, data
       FROM events WHERE session_id = ? ORDER BY time_ms, seq`,
    )
    .all(sessionId)

  const passports = new Map<string, SummaryPassport>()
  const passportOf = (code: string) => {
    let p = passports.get(code)
    if (!p) passports.set(code, (p = { code, completed: [], stamps: [], scores: {} }))
    return p
  }
  for (const code of plan.passportCodes) passportOf(code)

  const exhibitIds = new Set(plan.plannedExhibitIds)
  const starts = new Map<string, number>()
  const best = new Map<string, Map<string, { score: number; maxScore: number }>>() // exhibit -> finisher -> best
  const stamped = new Map<string, Set<string>>()
  const durations = new Map<string, number[]>()
  const items = new Map<string, ItemTally>()
  const tally = (r: EventRow, kind: 'quiz' | 'step'): ItemTally => {
    const key = `${r.exhibit_id}\u0000${kind}\u0000${r.item_id}`
    let t = items.get(key)
    if (!t) items.set(key, (t = { exhibitId: r.exhibit_id, kind, itemId: r.item_id ?? '', respondents: new Set(), wrong: new Map(), correctChoiceId: null }))
    return t
  }
  let anonymousRuns = 0

  for (const r of rows) {
    exhibitIds.add(r.exhibit_id)
    if (r.passport_id !== null) passportOf(r.passport_id)
    const student = r.passport_id ?? `station:${r.station_id}`
    switch (r.type) {
      case 'exhibit-started':
        starts.set(r.exhibit_id, (starts.get(r.exhibit_id) ?? 0) + 1)
        if (r.passport_id === null) anonymousRuns++
        break
      case 'exhibit-completed': {
        const d = JSON.parse(r.data) as { score: number; maxScore: number }
        const finisher = r.passport_id ?? `run:${r.id}`
        const m = best.get(r.exhibit_id) ?? best.set(r.exhibit_id, new Map()).get(r.exhibit_id)!
        const prev = m.get(finisher)
        if (!prev || d.score > prev.score) m.set(finisher, { score: d.score, maxScore: d.maxScore })
        if (r.duration_ms !== null) (durations.get(r.exhibit_id) ?? durations.set(r.exhibit_id, []).get(r.exhibit_id)!).push(r.duration_ms)
        break
      }
      case 'stamp-awarded':
        setOf(stamped, r.exhibit_id).add(r.passport_id ?? `run:${r.id}`)
        break
      case 'answer-given': {
        const t = tally(r, 'quiz')
        const { choiceId } = JSON.parse(r.data) as { choiceId: string }
        t.respondents.add(student)
        if (r.correct === 1) t.correctChoiceId ??= choiceId
        else setOf(t.wrong, choiceId).add(student)
        break
      }
      case 'step-completed':
        tally(r, 'step').respondents.add(student)
        break
      case 'step-mistake': {
        const t = tally(r, 'step')
        t.respondents.add(student)
        setOf(t.wrong, (JSON.parse(r.data) as { choiceId: string }).choiceId).add(student)
        break
      }
      default:
        break
    }
  }

  for (const [exhibitId, m] of best)
    for (const [finisher, b] of m) {
      if (finisher.startsWith('run:')) continue
      const p = passportOf(finisher)
      p.completed.push(exhibitId)
      p.scores[exhibitId] = b
    }
  for (const [exhibitId, s] of stamped) for (const who of s) if (!who.startsWith('run:')) passportOf(who).stamps.push(exhibitId)

  const planned = new Set(plan.plannedExhibitIds)
  const ordered = [...plan.plannedExhibitIds, ...[...exhibitIds].filter((id) => !planned.has(id)).sort()]
  const exhibits: SummaryExhibit[] = [...new Set(ordered)].map((exhibitId) => {
    const finishers = [...(best.get(exhibitId)?.values() ?? [])]
    return {
      exhibitId,
      planned: planned.has(exhibitId),
      starts: starts.get(exhibitId) ?? 0,
      finishers: finishers.length,
      stamps: stamped.get(exhibitId)?.size ?? 0,
      averageScore: finishers.length ? Math.round((finishers.reduce((a, f) => a + f.score, 0) / finishers.length) * 100) / 100 : null,
      maxScore: finishers.length ? Math.max(...finishers.map((f) => f.maxScore)) : null,
      medianDurationMs: median(durations.get(exhibitId) ?? []),
    }
  })
  const visited = new Set(rows.map((r) => r.exhibit_id))

  return {
    sessionId,
    labels: plan.labels,
    firstEventAt: rows.length ? new Date(rows[0]!.time_ms).toISOString() : null,
    lastEventAt: rows.length ? new Date(rows.at(-1)!.time_ms).toISOString() : null,
    passports: [...passports.values()].map((p) => ({ ...p, completed: p.completed.sort(), stamps: [...new Set(p.stamps)].sort() })),
    exhibits,
    misconceptions: topMisconceptions([...items.values()], 3),
    notVisited: plan.plannedExhibitIds.filter((id) => !visited.has(id)),
    anonymousRuns,
  }
}

/** Per item its most chosen wrong choice; then the items whose wrong choice most students made. */
function topMisconceptions(items: readonly ItemTally[], n: number): Misconception[] {
  const worst: Misconception[] = []
  for (const t of items) {
    let top: [string, number] | null = null
    for (const [choiceId, who] of [...t.wrong].sort(([a], [b]) => a.localeCompare(b))) if (!top || who.size > top[1]) top = [choiceId, who.size]
    if (!top || t.respondents.size === 0) continue
    worst.push({
      exhibitId: t.exhibitId,
      kind: t.kind,
      itemId: t.itemId,
      choiceId: top[0],
      chosen: top[1],
      respondents: t.respondents.size,
      share: Math.round((top[1] / t.respondents.size) * 1000) / 1000,
      correctChoiceId: t.correctChoiceId,
    })
  }
  const key = (m: Misconception) => `${m.exhibitId}/${m.kind}/${m.itemId}`
  return worst.sort((a, b) => b.chosen - a.chosen || b.share - a.share || key(a).localeCompare(key(b))).slice(0, n)
}
