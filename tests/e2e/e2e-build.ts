/**
 * The one e2e build of a run: the app in mode `e2e` (production code + test fixtures + XR
 * emulator) into dist-e2e/, with one more exhibit folder holding an exhibit freshly made by
 * `npm run new-exhibit` (scripts/new-exhibit.ts), so new-exhibit.test.ts needs no build of its own.
 *
 * The scaffold lives in test-results/ (git-ignored), not exhibits/, so unit tests scanning
 * exhibits/ at the same time never see it, and it stays next to the build it was built into.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { build, loadConfigFromFile, type PluginOption } from 'vite'
import { exhibitsPlugin } from '../../src/build/exhibits-plugin.ts'
import { createExhibit } from '../../scripts/new-exhibit.ts'

export const OUT_DIR = 'dist-e2e'
/** Where global setup scaffolds the new exhibit (relative to the repo root, inside Vite's root). */
export const SCAFFOLD_DIR = 'test-results/e2e-exhibits'
export const NEW_EXHIBIT = { id: 'zz-new-exhibit-test', titleZh: '新展项测试', titleEn: 'New Exhibit Test', category: 'science' } as const
/** A no-code panorama exhibit, scaffolded the same way (`--kind panorama`; no narration: new-panorama.test.ts plays it silent). */
export const NEW_PANORAMA = { id: 'zz-new-panorama-test', titleZh: '全景测试', titleEn: 'Panorama Test', category: 'science', kind: 'panorama' } as const
/** Exhibit folders the e2e build and the e2e stats server know (the server accepts events only for these). */
export const E2E_EXHIBIT_DIRS = ['exhibits', 'tests/fixtures/exhibits', SCAFFOLD_DIR]

const STAMP = join(OUT_DIR, '.e2e-build.json')
/** This run's build result, `{ ok: true }` or `{ ok: false, error }` (global-setup.ts, await-build.ts). */
export const BUILD_RESULT = 'test-results/.e2e-build-result.json'

/** Written whole or not at all (a reader polls for the file). */
export function writeBuildResult(result: { ok: true; reused?: boolean } | { ok: false; error: string }): void {
  writeFileSync(`${BUILD_RESULT}.tmp`, JSON.stringify(result))
  renameSync(`${BUILD_RESULT}.tmp`, BUILD_RESULT)
}
/** What the build is made from: a file newer than the stamp makes a reused build stale. */
const INPUTS = ['index.html', 'vite.config.ts', 'package-lock.json', 'src', 'exhibits', 'assets', 'public', 'tests/fixtures', 'scripts']

/** SOPHORA_EXHIBITS=a,b builds only those (vite.config.ts); the scaffold is always added. */
export function onlyExhibits(): string[] | undefined {
  const only = process.env.SOPHORA_EXHIBITS?.split(',')
    .map((x) => x.trim())
    .filter(Boolean)
  return only?.length ? only : undefined
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const s = statSync(path)
  if (!s.isDirectory()) return s.mtimeMs
  let max = s.mtimeMs
  for (const n of readdirSync(path)) if (n !== 'node_modules' && !n.startsWith('.')) max = Math.max(max, newestMtime(join(path, n)))
  return max
}

/** Why an existing build cannot be reused, or null when it is current. */
export function staleBecause(): string | null {
  if (!existsSync(STAMP) || ![NEW_EXHIBIT.id, NEW_PANORAMA.id].every((id) => existsSync(join(SCAFFOLD_DIR, id, 'manifest.json'))))
    return 'no previous e2e build'
  const stamp = JSON.parse(readFileSync(STAMP, 'utf8')) as { only?: string[] }
  if (JSON.stringify(stamp.only ?? null) !== JSON.stringify(onlyExhibits() ?? null)) return 'SOPHORA_EXHIBITS changed'
  const built = statSync(STAMP).mtimeMs
  const changed = INPUTS.find((p) => newestMtime(p) > built)
  return changed ? `${changed} changed since the last e2e build` : null
}

/** Scaffold the new exhibit (as `npm run new-exhibit` does, narration included) and build once. */
export async function buildE2E(): Promise<void> {
  rmSync(SCAFFOLD_DIR, { recursive: true, force: true })
  mkdirSync(SCAFFOLD_DIR, { recursive: true })
  const made = createExhibit({ ...NEW_EXHIBIT, dir: resolve(SCAFFOLD_DIR), log: () => {} })
  if (made.warnings.length) throw new Error(`new-exhibit warned:\n${made.warnings.join('\n')}`)
  createExhibit({ ...NEW_PANORAMA, dir: resolve(SCAFFOLD_DIR), audio: false, log: () => {} })

  const env = { command: 'build' as const, mode: 'e2e', isSsrBuild: false, isPreview: false }
  const loaded = await loadConfigFromFile(env, resolve('vite.config.ts'), undefined, 'silent')
  if (!loaded) throw new Error('vite.config.ts not found')
  const only = onlyExhibits()
  let swapped = 0
  // vite.config.ts (mode e2e) with the scaffold folder added to the exhibits plugin's dirs.
  const plugins = (loaded.config.plugins ?? []).flat(Infinity as 1).map((p: PluginOption) => {
    if (!(p && typeof p === 'object' && 'name' in p && p.name === 'sophora:exhibits')) return p
    swapped++
    return exhibitsPlugin({ dirs: E2E_EXHIBIT_DIRS, only: only ? [...only, NEW_EXHIBIT.id, NEW_PANORAMA.id] : undefined })
  })
  if (swapped !== 1) throw new Error(`expected one sophora:exhibits plugin in vite.config.ts, found ${swapped}`)
  // Vitest sets NODE_ENV=test, and Vite keeps an existing NODE_ENV: the e2e build was React's
  // development build (StrictMode mounting every exhibit twice, dev-only checks, DEV code paths).
  // Tests must drive what ships: production React, DEV false; mode e2e still adds the fixtures.
  const nodeEnv = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await build({
      ...loaded.config,
      configFile: false,
      mode: 'e2e',
      logLevel: 'warn',
      plugins,
      build: { ...loaded.config.build, outDir: OUT_DIR, emptyOutDir: true },
    })
  } finally {
    process.env.NODE_ENV = nodeEnv
  }
  writeFileSync(STAMP, JSON.stringify({ only }))
}
