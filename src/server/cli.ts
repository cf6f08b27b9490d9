import { parseArgs } from 'node:util'
import { pathToFileURL } from 'node:url'
import { loadConfig } from './config.ts'
import { openDatabase } from './db/database.ts'
import { XAPI_USAGE, runXapiCli } from './xapi/cli.ts'
import { RoleSchema, UserNameSchema, createUser, listUsers, resetPassword } from './auth/users.ts'
import { backupCommand, restoreCommand } from './backup/backup-commands.ts'

/**
 * Account administration, run on the server machine (same DB_PATH as the server):
 *   npm run admin -- create-user --name alice --role admin --password '…'
 *   npm run admin -- list-users
 *   npm run admin -- reset-password --name alice --password '…'
 *   npm run admin -- backup [file]       (while the server runs, too)
 *   npm run admin -- restore <file>      (server stopped)
 * Without --password the password is read from the SOPHORA_PASSWORD variable, which keeps it out of shell history.
 */
const USAGE = `usage: npm run admin -- <command> [options]
  create-user --name <name> --role guide|admin [--password <pw>]
  list-users
  reset-password --name <name> [--password <pw>]
  backup [file]        copy the database now (default: a new file in data/backups/)
  restore <file>       replace the database with a backup (stop the server first)
${XAPI_USAGE}
(--password may be replaced by the SOPHORA_PASSWORD environment variable)`

export async function runCli(argv: string[], env: Record<string, string | undefined> = process.env, out: (s: string) => void = console.log): Promise<number> {
  if (argv[0]?.startsWith('xapi-')) return runXapiCli(argv, env, out)
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' }, help: { type: 'boolean' } },
  })
  const command = positionals[0]
  if (!command || values.help) {
    out(USAGE)
    return command ? 0 : 2
  }
  const config = loadConfig(env)
  // These two must not open (and so migrate) the live database the usual way.
  if (command === 'backup') return backupCommand(positionals[1], config, out)
  if (command === 'restore') return restoreCommand(positionals[1], config, out)
  const db = openDatabase(config.dbPath, { synchronous: config.synchronous })
  try {
    const password = values.password ?? env.SOPHORA_PASSWORD
    switch (command) {
      case 'create-user': {
        const name = UserNameSchema.parse(values.name)
        const role = RoleSchema.parse(values.role)
        if (!password) throw new Error('--password (or SOPHORA_PASSWORD) is required')
        await createUser(db, name, role, password)
        out(`created ${role} ${name}`)
        return 0
      }
      case 'list-users':
        for (const u of listUsers(db)) out(`${u.name}\t${u.role}\t${u.createdAt}${u.disabled ? '\tdisabled' : ''}`)
        return 0
      case 'reset-password': {
        const name = UserNameSchema.parse(values.name)
        if (!password) throw new Error('--password (or SOPHORA_PASSWORD) is required')
        await resetPassword(db, name, password)
        out(`password of ${name} reset; their sessions were signed out`)
        return 0
      }
      default:
        out(`unknown command ${command}\n${USAGE}`)
        return 2
    }
  } finally {
    db.close()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`error: ${err instanceof Error ? err.message : String(err)}`)
      process.exit(1)
    },
  )
}
