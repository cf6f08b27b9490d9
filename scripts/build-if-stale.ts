/**
 * `npm start` builds the app only when dist/ is not current for the source.
 *
 * "Current" means: dist/.build-stamp holds the SHA-256 of every input the production build
 * reads — the contents and paths of the files under src/, exhibits/, centers/, assets/,
 * plus index.html, vite.config.ts, tsconfig*.json, package-lock.json — and of the
 * environment variables that change what is built (SOPHORA_EXHIBITS, SOPHORA_CENTER).
 * Contents, not modification times: a fresh clone or a `git checkout` touches every mtime.
 * Hashing the ~700 input files takes well under a second; a build takes ~10–60 s.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const INPUT_DIRS = ['src', 'exhibits', 'centers', 'assets', 'public']
const INPUT_FILES = ['index.html', 'vite.config.ts', 'package-lock.json', 'tsconfig.json', 'tsconfig.base.json', 'tsconfig.app.json']
const BUILD_ENV = ['SOPHORA_EXHIBITS', 'SOPHORA_CENTER']
const SKIP = new Set(['__tests__', 'node_modules', '.DS_Store'])

function walk(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      if (SKIP.has(n)) return []
      const p = join(dir, n)
      return statSync(p).isDirectory() ? walk(p) : [p]
    })
}

/** The fingerprint of everything the production build reads, from `root`. */
export function buildInputsHash(root: string, env: NodeJS.ProcessEnv = process.env): string {
  const h = createHash('sha256')
  const files = [...INPUT_DIRS.flatMap((d) => walk(join(root, d))), ...INPUT_FILES.map((f) => join(root, f)).filter(existsSync)]
  for (const f of files) h.update(relative(root, f)).update('\0').update(readFileSync(f)).update('\0')
  for (const k of BUILD_ENV) h.update(`${k}=${env[k] ?? ''}\0`)
  return h.digest('hex')
}

export const STAMP = join('dist', '.build-stamp')

/** True when dist/ was built from exactly these inputs. */
export function isBuildCurrent(root: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const stamp = join(root, STAMP)
  return existsSync(join(root, 'dist', 'index.html')) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === buildInputsHash(root, env)
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const root = process.cwd()
  if (isBuildCurrent(root)) {
    console.log('dist/ is current for the source: not rebuilding (delete dist/ to force a build)')
  } else {
    const hash = buildInputsHash(root)
    const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], { stdio: 'inherit' })
    if (r.status !== 0) process.exit(r.status ?? 1)
    writeFileSync(join(root, STAMP), `${hash}\n`)
  }
}
