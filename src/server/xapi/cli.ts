import { parseArgs } from 'node:util'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { z } from 'zod'
import { loadConfig } from '../config.ts'
import { openDatabase } from '../db/database.ts'
import { exportToFile, statementsJson } from './export.ts'
import { createForwarderState } from './forwarder-state.ts'
import { createStatementReader } from './statements.ts'

/**
 * xAPI administration on the server machine (same DB_PATH and XAPI_* as the server):
 *   xapi-export --from 2026-01-01 --to 2026-12-31 [file]   (no file: standard output)
 *   xapi-status
 *   xapi-position --seq N | --day YYYY-MM-DD | --end  [--endpoint URL]
 * xapi-position moves the forwarder (a running server picks it up before its next batch):
 * --day resends everything stored since the first event of that day, --end skips history.
 * Resending is safe: statement ids are derived from event ids, so the LRS recognises them.
 */
export const XAPI_USAGE = `  xapi-export --from <YYYY-MM-DD> --to <YYYY-MM-DD> [file]
  xapi-status
  xapi-position --seq <n> | --day <YYYY-MM-DD> | --end  [--endpoint <url>]`

/** An option that must be a calendar day; the error names the option, not a zod dump. */
function day(option: string, value: string | undefined): string {
  if (!z.iso.date().safeParse(value).success) throw new Error(`--${option} needs a day, YYYY-MM-DD (got ${value ?? 'nothing'})`)
  return value!
}

export async function runXapiCli(argv: string[], env: Record<string, string | undefined>, out: (s: string) => void): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      seq: { type: 'string' },
      day: { type: 'string' },
      end: { type: 'boolean' },
      endpoint: { type: 'string' },
    },
  })
  const [command, file] = positionals
  const config = loadConfig(env)
  const db = openDatabase(config.dbPath, { synchronous: config.synchronous })
  try {
    const reader = createStatementReader(db)
    const state = createForwarderState(db)
    switch (command) {
      case 'xapi-export': {
        const range = { from: day('from', values.from), to: day('to', values.to) }
        if (range.from > range.to) throw new Error('--from must not be after --to')
        if (!file) {
          await pipeline(Readable.from(statementsJson(reader, range, config.xapi.homePage)), process.stdout, { end: false })
          return 0
        }
        const n = await exportToFile(reader, range, config.xapi.homePage, file)
        out(`${n} statements (${range.from} to ${range.to}) written to ${file}`)
        return 0
      }
      case 'xapi-status': {
        const latest = reader.maxSeq()
        out(`events stored: up to seq ${latest}; forwarding ${config.xapi.lrs ? `to ${config.xapi.lrs.endpoint}` : 'off (XAPI_LRS_ENDPOINT unset)'}`)
        for (const r of state.all()) {
          const error = r.last_error ? `\tlast error ${new Date(r.last_error_ms ?? 0).toISOString()}: ${r.last_error}` : ''
          out(`${r.endpoint}\tposition ${r.last_seq}\tpending ${reader.countAfter(r.last_seq)}\tsent ${r.sent}${error}`)
        }
        return 0
      }
      case 'xapi-position': {
        const endpoint = values.endpoint?.replace(/\/+$/, '') ?? config.xapi.lrs?.endpoint
        if (!endpoint) throw new Error('--endpoint is required when XAPI_LRS_ENDPOINT is unset')
        const chosen = [values.seq !== undefined, values.day !== undefined, values.end === true].filter(Boolean).length
        if (chosen !== 1) throw new Error('give exactly one of --seq, --day, --end')
        let seq: number
        if (values.seq !== undefined) {
          seq = Number(values.seq)
          if (!Number.isSafeInteger(seq) || seq < 0) throw new Error(`--seq needs a whole number ≥ 0 (got ${values.seq})`)
        } else if (values.day !== undefined) seq = reader.firstSeqOfDay(day('day', values.day)) - 1
        else seq = reader.maxSeq()
        state.setPosition(endpoint, seq, Date.now())
        out(`${endpoint}: position set to seq ${seq}; ${reader.countAfter(seq)} events to send`)
        return 0
      }
      default:
        out(`unknown command ${command ?? ''}\n${XAPI_USAGE}`)
        return 2
    }
  } finally {
    db.close()
  }
}
