import { z } from 'zod'
import { callApi, type ApiResult } from '../passport/index.ts'

/** The guide's side of station pairing (server: routes/station-pairing.ts), checked with zod on the way in. */
export const PendingStationSchema = z.object({
  stationId: z.string(),
  name: z.string(),
  agent: z.string(),
  firstSeenAt: z.string(),
  codeExpiresAt: z.string(),
})
export type PendingStation = z.infer<typeof PendingStationSchema>
const PendingListSchema = z.object({ stations: z.array(PendingStationSchema) })
const DecisionSchema = z.object({ stationId: z.string(), status: z.enum(['approved', 'rejected']) })

export async function fetchPendingStations(token: string): Promise<ApiResult<PendingStation[]>> {
  const r = await callApi(PendingListSchema, '/api/stations/pending', { token })
  return r.ok ? { ok: true, data: r.data.stations } : r
}

export function approveStation(stationId: string, code: string, token: string) {
  return callApi(DecisionSchema, `/api/stations/pending/${encodeURIComponent(stationId)}/approve`, {
    method: 'POST',
    token,
    body: JSON.stringify({ code }),
  })
}

export function rejectStation(stationId: string, token: string) {
  return callApi(DecisionSchema, `/api/stations/pending/${encodeURIComponent(stationId)}/reject`, { method: 'POST', token })
}
