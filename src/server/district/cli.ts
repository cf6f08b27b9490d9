import { parseArgs } from 'node:util'
import { pathToFileURL } from 'node:url'
import { setAdmin } from './admins.ts'
import { addCenter, listCenters, renewCenterSecret } from './centers.ts'
import { loadDistrictConfig } from './config.ts'
import { openPool, runDistrictMigrations } from './database.ts'
import { serveDistrict } from './server.ts'

/**
 * The district server and its administration (docs/district.md), all on DATABASE_URL:
 *   npm run district                          serve (migrates first)
 *   npm run district -- add-center <name> [--id <id>]
 *   npm run district -- renew-secret <id>
 *   npm run district -- centers
 *   npm run district -- add-admin <username>
 *   npm run district -- migrate
 */
const USAGE = `usage: npm run district [-- <command>]
  (no command)                  run the district server (DATABASE_URL, PORT, HOST)
  add-center <name> [--id <id>]  register a center; prints its id and secret (shown once)
  renew-secret <id>             a new secret for a center; the old one stops working
  centers                       list the centers, their last forwarded seq and event counts
  add-admin <username>          a district admin (dashboard, yearly report); prints a new password once
                                (again for an existing admin: a new password, their sessions end)
  migrate                       apply the database migrations and exit`

const pairingLines = (id: string, secret: string) => [
  `DISTRICT_CENTER_ID=${id}`,
  `DISTRICT_SECRET=${secret}`,
  '(set these two, and DISTRICT_URL, in the center server’s environment; the secret is not shown again)',
]

export async function runDistrictCli(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
  out: (s: string) => void = console.log,
): Promise<number> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { id: { type: 'string' }, help: { type: 'boolean' } } })
  const command = positionals[0]
  if (values.help) {
    out(USAGE)
    return 0
  }
  if (!command) {
    await serveDistrict(env)
    return -1 // serving: the process ends on a signal
  }
  const config = loadDistrictConfig(env)
  const pool = openPool(config.databaseUrl, 2)
  try {
    await runDistrictMigrations(pool)
    switch (command) {
      case 'migrate':
        out('district database is up to date')
        return 0
      case 'add-center': {
        const name = positionals.slice(1).join(' ')
        if (!name) throw new Error('add-center needs the center’s name')
        const c = await addCenter(pool, name, values.id)
        out(`registered center ${c.id} (${c.name})`)
        for (const line of pairingLines(c.id, c.secret)) out(line)
        return 0
      }
      case 'renew-secret': {
        const id = positionals[1] ?? ''
        const secret = await renewCenterSecret(pool, id)
        if (!secret) throw new Error(`no center ${id}`)
        for (const line of pairingLines(id, secret)) out(line)
        return 0
      }
      case 'centers':
        for (const c of await listCenters(pool))
          out(`${c.id}\t${c.name}\tlast seq ${c.last_seq}\t${c.events} events\tlast seen ${c.last_seen_at?.toISOString() ?? 'never'}`)
        return 0
      case 'add-admin': {
        const username = positionals[1] ?? ''
        const password = await setAdmin(pool, username)
        out(`district admin ${username}`)
        out(`password: ${password}`)
        out('(sign in with it at the district; it is not shown again)')
        return 0
      }
      default:
        out(`unknown command ${command}\n${USAGE}`)
        return 2
    }
  } finally {
    await pool.end()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runDistrictCli(process.argv.slice(2)).then(
    (code) => {
      if (code >= 0) process.exit(code)
    },
    (err: unknown) => {
      console.error(`error: ${err instanceof Error ? err.message : String(err)}`)
      process.exit(1)
    },
  )
}
