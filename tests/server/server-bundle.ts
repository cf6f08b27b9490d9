/**
 * The server, the admin CLI and the district server, each bundled into one ES module for the tests
 * that run them as real processes (server-process.ts, the e2e harness, the district tests).
 *
 * Started through tsx, every such process compiled and resolved ~150 TypeScript files first: ~1.3 s
 * CPU per start (1.7 s with tsx's cache cold, as in a clean clone), paid ~40 times a run. The bundle
 * starts in ~0.6 s. npm packages stay external (loaded from node_modules as `npm start` loads
 * them); only our own TypeScript is bundled, by esbuild, the compiler tsx itself uses. `npm start`
 * is unchanged.
 *
 * Built once per run by global setup (server-bundle-setup.ts); any process that finds it missing or
 * older than one of its sources builds it again, so a single test file run alone works too, and a
 * build error fails the file that needed the bundle, with esbuild's message.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build, type Plugin } from 'esbuild'
import { z } from 'zod'

const ROOT = resolve(import.meta.dirname, '../..')
/** Inside the repo (git-ignored), so the bundles' bare imports resolve from its node_modules. */
export const BUNDLE_DIR = join(ROOT, 'test-results/server-bundle')
const ENTRIES = { server: 'src/server/server.ts', admin: 'src/server/cli.ts', district: 'src/server/district/cli.ts' } as const
export type BundleName = keyof typeof ENTRIES
const STAMP = join(BUNDLE_DIR, 'inputs.json')
const Stamp = z.object({ inputs: z.array(z.string()) })

/** The bundled file of `name` (exists once `ensureServerBundle` resolved). */
export function bundlePath(name: BundleName): string {
  return join(BUNDLE_DIR, `${name}.mjs`)
}

/**
 * Each module keeps its own `import.meta.url`, as under tsx: the databases find their migrations
 * folders beside their source files. The entries keep the bundle's own, so that the CLIs' "run
 * when started as the main module" check still holds.
 */
const ownImportMetaUrl = (entries: Set<string>): Plugin => ({
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      const code = await readFile(path, 'utf8')
      return { contents: entries.has(path) ? code : code.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href)), loader: 'ts' }
    })
  },
})

/** Why the bundles must be built again, or null when they are current. */
export function bundleStaleBecause(): string | null {
  if (!existsSync(STAMP) || Object.keys(ENTRIES).some((n) => !existsSync(bundlePath(n as BundleName)))) return 'no bundle'
  const built = statSync(STAMP).mtimeMs
  const { inputs } = Stamp.parse(JSON.parse(readFileSync(STAMP, 'utf8')))
  // this file holds the build's options: a change here is a change of every bundle
  for (const file of [fileURLToPath(import.meta.url), ...inputs.map((i) => join(ROOT, i))]) {
    if (!existsSync(file)) return `${file} is gone`
    if (statSync(file).mtimeMs > built) return `${file} changed`
  }
  return null
}

async function buildBundles(): Promise<void> {
  mkdirSync(BUNDLE_DIR, { recursive: true })
  const entryPaths = Object.values(ENTRIES).map((e) => join(ROOT, e))
  // Written beside the final names, then renamed: a process starting a bundle while another
  // process rebuilds it reads the old file or the new one, never half of one.
  const tmp = join(BUNDLE_DIR, `tmp-${process.pid}`)
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: Object.entries(ENTRIES).map(([name, e]) => ({ in: e, out: name })),
    outdir: tmp,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    metafile: true,
    logLevel: 'silent',
    plugins: [ownImportMetaUrl(new Set(entryPaths))],
  })
  for (const name of Object.keys(ENTRIES)) renameSync(join(tmp, `${name}.mjs`), bundlePath(name as BundleName))
  rmSync(tmp, { recursive: true, force: true })
  writeFileSync(`${STAMP}.${process.pid}`, JSON.stringify({ inputs: Object.keys(result.metafile.inputs) }))
  renameSync(`${STAMP}.${process.pid}`, STAMP)
}

let ready: Promise<void> | undefined
/** Builds the bundles unless they are current (once per process); rejects with the build's errors. */
export function ensureServerBundle(): Promise<void> {
  ready ??= bundleStaleBecause() ? buildBundles() : Promise.resolve()
  return ready
}

/** The node arguments that run `name` bundled, built first if needed. */
export async function bundledArgs(name: BundleName, args: string[] = []): Promise<string[]> {
  await ensureServerBundle()
  return [bundlePath(name), ...args]
}
