import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { BUILD_RESULT, staleBecause, writeBuildResult } from './e2e-build.ts'

/**
 * Starts the app's one e2e build of a run (see e2e-build.ts) and returns without waiting for it.
 * Vitest runs every project's global setup before any test file, so awaiting the build here made
 * the whole run wait ~17 s (14 s CPU) in a clean clone while the unit and dom files, which leave
 * part of the 2 cores idle, could have run. The build now runs in a child process beside them;
 * each e2e file waits for its result first (await-build.ts, the e2e project's setup file).
 * Locally, SOPHORA_E2E_REUSE_BUILD=1 reuses the last build while nothing it is made from changed.
 */
export default function setup(): () => void {
  rmSync(BUILD_RESULT, { force: true })
  mkdirSync(dirname(BUILD_RESULT), { recursive: true })
  if (process.env.SOPHORA_E2E_REUSE_BUILD === '1') {
    const why = staleBecause()
    if (!why) {
      writeBuildResult({ ok: true, reused: true })
      return () => {}
    }
    console.log(`[e2e] rebuilding dist-e2e: ${why}`)
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/e2e/build-e2e-child.ts'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  child.stdout.on('data', (d) => (log += d))
  child.stderr.on('data', (d) => (log += d))
  child.on('close', (code, signal) => {
    // the build's own warnings, in one piece rather than between the unit files' results
    if (log.trim()) console.log(`[e2e build]\n${log.trim()}`)
    // the child writes its result; one that died before it could (a crash, a kill) is reported here
    if (code !== 0 && !existsSync(BUILD_RESULT)) writeBuildResult({ ok: false, error: `e2e build exited (${code ?? signal}):\n${log}` })
  })
  return () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
  }
}
