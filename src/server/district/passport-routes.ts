import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { HttpError } from '../http-error.ts'
import { parseCodeParam } from '../passport-code-reason.ts'
import { errorResponses } from '../schemas/common.ts'
import { CodeParamsSchema, PublicPassportSchema } from '../schemas/passports.ts'
import type { Pool } from './database.ts'

interface PassportExhibitRow {
  center_id: string
  center_name: string
  exhibit_id: string
  stamped_at: Date | null
  best_score: number | null
  max_score: number | null
  starts: string
  completions: string
}

/**
 * The passport home view at the district, at the same address and in the same shape as at
 * a center (`GET /api/passports/:code`), so the app's passport page works unchanged when
 * the district serves it: anyone with the card sees its stamps, read-only, rate-limited per
 * IP so codes cannot be enumerated. Read from passport_exhibits (district migration 004).
 * Codes are 50 random bits per center; should two centers ever have issued the same code,
 * the one the passport was last active at answers.
 */
export const districtPassportRoutes: FastifyPluginAsyncZod<{ pool: Pool; rateMax: number }> = async (app, { pool, rateMax }) => {
  app.get(
    '/api/passports/:code',
    {
      schema: { params: CodeParamsSchema, response: { 200: PublicPassportSchema, ...errorResponses } },
      // Before parsing, so malformed guesses count against the limit too.
      config: { rateLimit: { max: rateMax, timeWindow: '1 minute', keyGenerator: (request) => request.ip } },
    },
    async (request) => {
      const code = parseCodeParam(request.params.code)
      const r = await pool.query<PassportExhibitRow>(
        `WITH c AS (SELECT center_id FROM passport_exhibits WHERE passport_id = $1 GROUP BY center_id ORDER BY max(last_at) DESC, center_id LIMIT 1)
        SELECT p.center_id, k.name AS center_name, p.exhibit_id, min(p.stamped_at) AS stamped_at, max(p.best_score) AS best_score,
          max(p.max_score) AS max_score, sum(p.starts) AS starts, sum(p.completions) AS completions
        FROM passport_exhibits p JOIN c USING (center_id) JOIN centers k ON k.id = p.center_id WHERE p.passport_id = $1
        GROUP BY p.center_id, k.name, p.exhibit_id ORDER BY p.exhibit_id`,
        [code],
      )
      const first = r.rows[0]
      if (!first) throw new HttpError(404, 'unknown passport', ['no center of this district has sent activity for this code'])
      return {
        code,
        centerName: first.center_name,
        exhibits: r.rows.map((a) => ({
          exhibitId: a.exhibit_id,
          stamped: a.stamped_at !== null,
          stampedAt: a.stamped_at?.toISOString() ?? null,
          bestScore: a.best_score,
          maxScore: a.max_score,
          attempts: Math.max(Number(a.starts), Number(a.completions)),
        })),
      }
    },
  )
}
