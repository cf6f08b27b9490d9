import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { FIXTURE_EXHIBITS } from '../server/helpers.ts'
import { bundledArgs } from '../server/server-bundle.ts'

const ROOT = resolve(import.meta.dirname, '../..')

/** `npm run district` as its own process (bundled: server-bundle.ts; node runs it in this very process, so a SIGKILL hits the server itself) on a random loopback port; resolves once it listens. */
export async function startDistrictProcess(databaseUrl: string, children: ChildProcess[]): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, await bundledArgs('district'), {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', EXHIBITS_DIRS: FIXTURE_EXHIBITS, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let out = ''
  const port = await new Promise<number>((res, rej) => {
    // A bound, not an expectation: on this shared 2-core machine (load average ~40) a start beside three centers took over 30 s, on main too.
    const timer = setTimeout(() => rej(new Error(`district did not start: ${out}`)), 90_000)
    const onData = (d: Buffer) => {
      out += d.toString()
      const m = /running at http:\/\/127\.0\.0\.1:(\d+)/.exec(out)
      if (m?.[1]) {
        clearTimeout(timer)
        res(Number(m[1]))
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      rej(new Error(`district exited ${code}: ${out}`))
    })
  })
  return { child, port }
}

/** Polls `check` until it returns true; fails with `what` after `ms` (a generous bound, not a timing expectation). */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}
