/**
 * Public API of visit recording on a station. Typical wiring (same origin as the server):
 *
 *   const outbox = createOutbox()
 *   const station = createStationCredentials({ name: 'kiosk-2F' })
 *   const recorder = createVisitRecorder({ outbox, stationId: station.stationId, getPassportId, getSessionId })
 *   const stop = createSyncClient({ outbox, baseUrl: '', station }).start()
 *   await recorder.record({ type: 'exhibit-started', exhibitId: 'fire-escape', data: {} })
 */
export { VisitEventSchema, EventTypeSchema, EVENT_TYPES, MAX_BATCH_EVENTS, StationIdSchema, SessionIdSchema, formatIssues } from '../../core/event-schema.ts'
export type { VisitEvent, VisitEventInput, VisitEventOf, EventType } from '../../core/event-schema.ts'
export { createOutbox, DeadLetterSchema } from './outbox.ts'
export type { Outbox, OutboxOptions, DeadLetter, Cleanup, PendingListener } from './outbox.ts'
export { createStationCredentials } from './station-credentials.ts'
export type { StationCredentials, StationCredentialsOptions } from './station-credentials.ts'
export { createSyncClient, IngestResponseSchema } from './sync-client.ts'
export type { SyncClient, SyncClientOptions, SyncState, SyncRunResult, IngestResponse, PairingState } from './sync-client.ts'
export { createVisitRecorder, InvalidVisitEventError } from './recorder.ts'
export type { VisitRecorder, VisitRecorderOptions } from './recorder.ts'
export { toXapiStatement, toIsoDuration, XAPI_VERBS } from '../../core/xapi.ts'
export type { XapiStatement } from '../../core/xapi.ts'
export { PendingBadge } from './pending-badge.tsx'
export { PairingNotice } from './pairing-notice.tsx'
