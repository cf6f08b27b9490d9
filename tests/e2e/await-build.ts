/**
 * The e2e project's setup file: before an e2e file runs, the run's e2e build (started beside the
 * unit files by global-setup.ts) must have finished; a failed build fails the file with its error.
 * By the time the unit and dom files are done it has (the build takes ~17 s, they ~57 s), so
 * this usually returns at once; it only waits when the e2e project runs alone.
 */
import { existsSync, readFileSync } from 'node:fs'
import { z } from 'zod'
import { BUILD_RESULT } from './e2e-build.ts'

const Result = z.union([z.object({ ok: z.literal(true), reused: z.boolean().optional() }), z.object({ ok: z.literal(false), error: z.string() })])
/** A limit for a build that hangs, not a wait: a clean build takes ~17 s here, minutes at load average 35. */
const LIMIT_MS = 10 * 60_000

const deadline = Date.now() + LIMIT_MS
while (!existsSync(BUILD_RESULT)) {
  if (Date.now() > deadline) throw new Error(`the e2e build gave no result in ${LIMIT_MS / 60_000} min (${BUILD_RESULT})`)
  await new Promise((r) => setTimeout(r, 200))
}
const result = Result.parse(JSON.parse(readFileSync(BUILD_RESULT, 'utf8')))
if (!result.ok) throw new Error(`the e2e build failed:\n${result.error}`)
