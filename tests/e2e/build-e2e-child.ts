/**
 * The e2e build in its own process (started by global-setup.ts): writes the run's build result
 * when done, which every e2e file checks first (await-build.ts).
 */
import { buildE2E, writeBuildResult } from './e2e-build.ts'

try {
  await buildE2E()
  writeBuildResult({ ok: true })
} catch (e) {
  writeBuildResult({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) })
  process.exitCode = 1
}
