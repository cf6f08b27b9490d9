import { parseArgs } from 'node:util'
import { statSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { z } from 'zod'
import { loadConfig } from '../src/server/config.ts'
import { openDatabase } from '../src/server/db/database.ts'
import { clearSeed } from './seed/clear.ts'
import { seedYear } from './seed/write.ts'
import { withExhibitModules } from './seed/exhibit-modules.ts'

const USAGE = `usage: npm run seed -- --year 2026 [--seed N] [--scale 0.02]
       npm run seed -- --clear
Fills DB_PATH (the database npm start uses) with one made-up year of one center: class passports,
sessions, walk-ins, programme activities and their events. Every seeded row is listed in seed_marks;
--clear removes exactly those. Seeding a database that already holds seeded data is refused.`

const ArgsSchema = z.object({
  year: z.coerce.number().int().min(2020).max(2100).optional(),
  seed: z.coerce.number().int().min(0).default(1),
  scale: z.coerce.number().positive().max(10).default(1),
  clear: z.boolean().default(false),
  help: z.boolean().default(false),
})

export async function runSeed(argv: string[], env: Record<string, string | undefined> = process.env, out: (s: string) => void = console.log): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { year: { type: 'string' }, seed: { type: 'string' }, scale: { type: 'string' }, clear: { type: 'boolean' }, help: { type: 'boolean' } },
  })
  const a = ArgsSchema.parse(values)
  if (a.help || (!a.clear && a.year === undefined)) {
    out(USAGE)
    return a.help ? 0 : 2
  }
  const config = loadConfig(env)
  // Seeding is one long write; NORMAL keeps it fast (a crash midway is undone by --clear, which ends in one transaction).
  const db = openDatabase(config.dbPath, { synchronous: 'NORMAL' })
  // A year is ~200 MiB of pages: a 64 MiB cache spills (and rewrites) far fewer of them.
  db.pragma('cache_size = -65536')
  try {
    if (a.clear) {
      out(`removed the seeded data (${clearSeed(db)} events) from ${config.dbPath}`)
      return 0
    }
    if (config.xapi.lrs !== null) throw new Error('an xAPI LRS is configured: seeded events would be forwarded to it; seed a database without one')
    const t0 = performance.now()
    const counts = await withExhibitModules((loadModule) =>
      seedYear(db, {
        loadModule,
        year: a.year!,
        seed: a.seed,
        scale: a.scale,
        centerId: config.centerId,
        timeZone: config.timeZone,
        exhibitsDirs: config.exhibitsDirs,
        retentionMs: config.retentionDays * 86_400_000,
        maxClockSkewMs: config.maxClockSkewMs,
      }),
    )
    db.pragma('wal_checkpoint(TRUNCATE)')
    const mib = (statSync(config.dbPath).size / 2 ** 20).toFixed(1)
    out(`seeded ${a.year} into ${config.dbPath} in ${((performance.now() - t0) / 1000).toFixed(1)} s (${mib} MiB): ${JSON.stringify(counts)}`)
    return 0
  } finally {
    db.close()
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runSeed(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`error: ${err instanceof Error ? err.message : String(err)}`)
      process.exit(1)
    },
  )
}
