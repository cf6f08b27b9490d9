import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { join, resolve } from 'node:path'
import { FIXTURE_EXHIBITS } from './helpers.ts'
import { bundledArgs } from './server-bundle.ts'

const ROOT = resolve(import.meta.dirname, '../..')

/**
 * The real server (`src/server/server.ts`, bundled: server-bundle.ts) as its own process on a
 * random port, over `dbPath`, with `env` added. Node runs the server in this very process, so a
 * SIGKILL hits the server itself. The caller kills it (afterEach: `killAll`).
 */
export async function startServerProcess(
  dbPath: string,
  children: ChildProcess[],
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, await bundledArgs('server'), {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DB_PATH: dbPath,
      EXHIBITS_DIRS: FIXTURE_EXHIBITS,
      LOG_LEVEL: 'warn',
      INGEST_RATE_MAX: '100000',
      STATION_OPEN_ENROLL: '1',
      STATIC_DIR: join(dbPath, '..', 'none'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let out = ''
  const base = await new Promise<string>((res, rej) => {
    // A limit for a broken server, not a wait (as the e2e harness): under load average ~25 a center
    // starting beside a district took over 30 s and failed a test that was otherwise green.
    const timer = setTimeout(() => rej(new Error(`server did not start: ${out}`)), 120_000)
    const onData = (d: Buffer) => {
      out += d.toString()
      const m = /running at (http:\/\/[^\s]+)/.exec(out)
      if (m?.[1]) {
        clearTimeout(timer)
        res(m[1])
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      rej(new Error(`server exited ${code}: ${out}`))
    })
  })
  return { child, base }
}

/** SIGKILLs every child still running (for afterEach). */
export function killAll(children: ChildProcess[]): void {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
}

export async function postJson(base: string, path: string, body: unknown, token?: string) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  return { status: res.status, json: (await res.json()) as Record<string, unknown> }
}

/** SIGTERM and wait: a server that closes cleanly exits 0. */
export async function stopServerProcess(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
  child.kill('SIGTERM')
  return exited
}

/** `npm run admin -- …` as its own process (bundled): its exit code and everything it printed. */
export async function runAdminProcess(args: string[], env: Record<string, string>, children: ChildProcess[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, await bundledArgs('admin', args), {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let output = ''
  child.stdout.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr.on('data', (d: Buffer) => (output += d.toString()))
  const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)))
  return { code, output }
}
