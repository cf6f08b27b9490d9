import { dirname } from 'node:path'
import type { SonicBoom } from 'sonic-boom'
import { makePrivateDir } from './db/database.ts'
import type { AppConfig } from './config.ts'

/**
 * The log file when LOG_FILE is set: pino-roll starts a new numbered file
 * (`sophora.log` → `sophora.1.log`, `sophora.2.log`, …) every day and whenever one
 * reaches LOG_FILE_MAX_MB, and keeps the LOG_FILE_KEEP newest besides the current one,
 * so the logs of a center that runs for years stay bounded. Log lines carry IP
 * addresses: the folder is 0700 and each file 0600, like the database.
 * pino-roll (with date-fns, ~0.2 s of CPU) is imported only when a log file is set.
 */
export async function openLogFile({ path, maxBytes, keep }: NonNullable<AppConfig['logFile']>): Promise<SonicBoom> {
  makePrivateDir(dirname(path))
  const { default: roll } = await import('pino-roll')
  return roll({
    file: path,
    size: `${maxBytes}b`,
    frequency: 'daily',
    // removeOtherLogFiles: files from before a restart count too (pruned before the new file is opened).
    limit: { count: keep, removeOtherLogFiles: true },
    mode: 0o600,
    mkdir: true,
  })
}
