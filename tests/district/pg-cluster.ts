import { execFileSync, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A throwaway PostgreSQL cluster for tests: initdb + pg_ctl on a temporary directory,
 * listening on a unix socket there only (no TCP port to collide on), trust auth.
 * PostgreSQL refuses to run as root, so as root (CI) it runs as `nobody` via setpriv.
 * fsync is off unless asked for: the tests kill the district server, never PostgreSQL.
 */
const NOBODY = 65534

/** The directory holding initdb and pg_ctl: Debian's newest /usr/lib/postgresql/<v>/bin, else PATH; null when not installed. */
export function findPgBin(): string | null {
  const base = '/usr/lib/postgresql'
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a))
    if (versions[0]) return join(base, versions[0], 'bin')
  }
  const r = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' })
  return r.status === 0 && r.stdout.trim() ? join(r.stdout.trim(), '..') : null
}

export interface PgCluster {
  /** A DATABASE_URL for the cluster's `postgres` database over its socket. */
  url: string
  /** The postmaster's process id (benchmarks add up its CPU time and its backends'). */
  pid(): number
  stop(): void
}

/** `durable`: fsync on, as a real district runs (benchmarks); tests leave it off. */
export function startPgCluster(bin: string, { durable = false }: { durable?: boolean } = {}): PgCluster {
  const dir = mkdtempSync(join(tmpdir(), 'sophora-pg-'))
  const asRoot = process.getuid?.() === 0
  if (asRoot) chownSync(dir, NOBODY, NOBODY)
  const run = (tool: string, args: string[]) => {
    const cmd = join(bin, tool)
    const [file, argv] = asRoot ? ['setpriv', ['--reuid', String(NOBODY), '--regid', String(NOBODY), '--clear-groups', cmd, ...args]] : [cmd, args]
    execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' } })
  }
  const data = join(dir, 'data')
  run('initdb', ['-D', data, '-U', 'sophora', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C'])
  const fast = durable ? '' : ' -c fsync=off -c full_page_writes=off'
  const opts = `-k ${dir} -c listen_addresses='' -c max_connections=60${fast}`
  run('pg_ctl', ['-D', data, '-w', '-l', join(dir, 'log'), '-o', opts, 'start'])
  return {
    url: `postgres://sophora@/postgres?host=${encodeURIComponent(dir)}`,
    pid: () => Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]),
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
