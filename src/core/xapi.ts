import { v5 as uuidv5 } from 'uuid'
import type { VisitEvent } from './event-schema.ts'

/**
 * Maps visit events to xAPI 1.0.3 statements so the center can forward its data to
 * any LRS later. The student is only ever the passport id (an account on the
 * center's home page); events without a passport are attributed to the station.
 */
export const XAPI_VERBS = {
  launched: 'http://adlnet.gov/expapi/verbs/launched',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  attempted: 'http://adlnet.gov/expapi/verbs/attempted',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
  exited: 'http://adlnet.gov/expapi/verbs/exited',
  earned: 'http://id.tincanapi.com/verb/earned',
} as const
export type XapiVerbName = keyof typeof XAPI_VERBS

export interface XapiStatement {
  id: string
  timestamp: string
  actor: { objectType: 'Agent'; account: { homePage: string; name: string } }
  verb: { id: string; display: { 'en-US': string } }
  object: { objectType: 'Activity'; id: string; definition: { type: string } }
  result?: {
    success?: boolean
    completion?: boolean
    response?: string
    duration?: string
    score?: { raw: number; min: number; max: number; scaled?: number }
    extensions?: Record<string, unknown>
  }
  context: {
    registration?: string
    platform: 'Sophora'
    contextActivities?: { parent: { objectType: 'Activity'; id: string }[] }
    extensions: Record<string, unknown>
  }
}

const ACTIVITY_TYPES = {
  exhibit: 'http://adlnet.gov/expapi/activities/simulation',
  step: 'http://adlnet.gov/expapi/activities/interaction',
  quiz: 'http://adlnet.gov/expapi/activities/cmi.interaction',
  stamp: 'http://id.tincanapi.com/activitytype/badge',
} as const

/** ISO 8601 duration as xAPI wants it (seconds to 0.01 s): 65 250 ms -> "PT1M5.25S". */
export function toIsoDuration(ms: number): string {
  const centis = Math.round(Math.max(0, ms) / 10)
  const h = Math.floor(centis / 360_000)
  const m = Math.floor((centis % 360_000) / 6000)
  const s = (centis % 6000) / 100
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${h || m ? (s ? `${s}S` : '') : `${s}S`}`
}

/** Fixed forever: changing it would make every statement already in an LRS look new. */
const STATEMENT_ID_NAMESPACE = 'b0f5e8a3-6d1c-4f0e-9a57-3c2e41d8f6b9'

/**
 * The statement id of an event: a name-based UUID (v5) of the event id, so a statement
 * sent again (after a crash between send and acknowledgement, or a re-export) has the
 * same id and the LRS recognises it, and so the id is a valid xAPI UUID (RFC variant)
 * whatever the event id looks like.
 */
export function statementIdOf(eventId: string): string {
  return uuidv5(eventId, STATEMENT_ID_NAMESPACE)
}

/** What xAPI accepts as a UUID: the RFC 4122 variant. The nil and max UUIDs are not. */
const XAPI_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i

export function toXapiStatement(event: VisitEvent, centerUrl: string): XapiStatement {
  const home = centerUrl.replace(/\/+$/, '')
  const exhibitUrl = `${home}/exhibits/${event.exhibitId}`
  const ext = (name: string) => `${home}/xapi/extensions/${name}`
  let verb: XapiVerbName
  let object: { id: string; type: string } = { id: exhibitUrl, type: ACTIVITY_TYPES.exhibit }
  let result: XapiStatement['result']

  switch (event.type) {
    case 'exhibit-started':
      verb = 'launched'
      if (event.data.mode) result = { extensions: { [ext('mode')]: event.data.mode } }
      break
    case 'step-completed':
      verb = 'completed'
      object = { id: `${exhibitUrl}/steps/${event.data.stepId}`, type: ACTIVITY_TYPES.step }
      result = { completion: true }
      break
    case 'step-mistake':
      verb = 'attempted'
      object = { id: `${exhibitUrl}/steps/${event.data.stepId}`, type: ACTIVITY_TYPES.step }
      result = { success: false, response: event.data.choiceId }
      break
    case 'answer-given':
      verb = 'answered'
      object = { id: `${exhibitUrl}/quiz/${event.data.quizId}`, type: ACTIVITY_TYPES.quiz }
      result = { success: event.data.correct, response: event.data.choiceId }
      break
    case 'exhibit-completed': {
      const { score, maxScore, passed, durationMs } = event.data
      verb = passed ? 'passed' : 'failed'
      result = {
        success: passed,
        completion: true,
        duration: toIsoDuration(durationMs),
        score: { raw: score, min: 0, max: maxScore, ...(maxScore > 0 ? { scaled: score / maxScore } : {}) },
      }
      break
    }
    case 'stamp-awarded':
      verb = 'earned'
      object = { id: `${exhibitUrl}/stamps/${event.data.stampId}`, type: ACTIVITY_TYPES.stamp }
      break
    case 'exhibit-crashed':
      verb = 'terminated'
      result = { completion: false, extensions: { [ext('error')]: event.data.message } }
      break
    case 'exhibit-exited':
      verb = 'exited'
      if (event.data.durationMs !== undefined || event.data.reason) {
        result = {
          ...(event.data.durationMs !== undefined ? { duration: toIsoDuration(event.data.durationMs) } : {}),
          ...(event.data.reason ? { extensions: { [ext('exit-reason')]: event.data.reason } } : {}),
        }
      }
      break
  }

  return {
    id: statementIdOf(event.id),
    // UTC: xAPI forbids a "-00:00" offset, and one form makes re-sent statements identical.
    timestamp: new Date(event.time).toISOString(),
    actor: {
      objectType: 'Agent',
      account: { homePage: home, name: event.passportId ?? `station:${event.stationId}` },
    },
    verb: { id: XAPI_VERBS[verb], display: { 'en-US': verb } },
    object: { objectType: 'Activity', id: object.id, definition: { type: object.type } },
    ...(result ? { result } : {}),
    context: {
      // A session id that is no RFC-variant UUID (the nil UUID) is no registration.
      ...(event.sessionId && XAPI_UUID.test(event.sessionId) ? { registration: event.sessionId } : {}),
      platform: 'Sophora',
      ...(object.id !== exhibitUrl ? { contextActivities: { parent: [{ objectType: 'Activity', id: exhibitUrl }] } } : {}),
      extensions: { [ext('station')]: event.stationId },
    },
  }
}
