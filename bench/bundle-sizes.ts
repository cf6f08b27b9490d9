import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

interface ManifestChunk {
  file: string
  src?: string
  isEntry?: boolean
  isDynamicEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
  css?: string[]
}
type ViteManifest = Record<string, ManifestChunk>

const gz = (dist: string, file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length

function staticClosure(m: ViteManifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen
  seen.add(key)
  for (const k of m[key]?.imports ?? []) staticClosure(m, k, seen)
  return seen
}

export interface BundleReport {
  lobbyFirstLoadGzip: number
  lobbyFiles: string[]
  stageGzip: number
  exhibits: Record<string, number>
  emulatorInProduction: string[]
}

/**
 * From a production build's .vite/manifest.json: the JavaScript a kiosk downloads to show
 * the lobby (entry + static imports), the 3D stage chunk (three, R3F, XR), and each
 * exhibit's own chunk(s) beyond those. Also scans every emitted file for the IWER emulator.
 */
export function bundleReport(dist = 'dist'): BundleReport {
  const m = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as ViteManifest
  const entryKey = Object.keys(m).find((k) => m[k]!.isEntry)!
  const lobby = staticClosure(m, entryKey)
  const jsOf = (keys: Iterable<string>) => [...keys].map((k) => m[k]!.file).filter((f) => f.endsWith('.js'))
  const lobbyFiles = jsOf(lobby)
  const stageKey = Object.keys(m).find((k) => k.endsWith('src/features/exhibit-visit/exhibit-view.tsx'))
  const stage = stageKey ? staticClosure(m, stageKey) : new Set<string>()
  const shared = new Set([...lobby, ...stage])
  const exhibits: Record<string, number> = {}
  for (const [k, c] of Object.entries(m)) {
    const id = /exhibits\/([^/]+)\/index\.ts$/.exec(c.src ?? k)?.[1]
    if (!id) continue
    const own = [...staticClosure(m, k)].filter((x) => !shared.has(x))
    exhibits[id] = jsOf(own).reduce((n, f) => n + gz(dist, f), 0)
  }
  const emulatorInProduction: string[] = []
  const assets = join(dist, 'assets')
  for (const f of readdirSync(assets)) {
    if (!f.endsWith('.js')) continue
    const text = readFileSync(join(assets, f), 'utf8')
    if (/@iwer\/|iwer-devui|SyntheticEnvironmentModule|metaQuestPro/.test(text)) emulatorInProduction.push(f)
  }
  return {
    lobbyFirstLoadGzip: lobbyFiles.reduce((n, f) => n + gz(dist, f), 0),
    lobbyFiles,
    stageGzip: jsOf([...stage].filter((k) => !lobby.has(k))).reduce((n, f) => n + gz(dist, f), 0),
    exhibits,
    emulatorInProduction,
  }
}

/**
 * A subset build (SOPHORA_EXHIBITS=a,b) measures only those exhibits' chunks: their rows replace
 * the previous report's, and every other exhibit that still exists keeps its last row, so
 * BENCHMARKS.md goes on listing all of them. Lobby and stage figures come from the fresh build.
 */
export function mergeBundleReports(prev: BundleReport | undefined, fresh: BundleReport, exists: (id: string) => boolean): BundleReport {
  const kept = Object.entries(prev?.exhibits ?? {}).filter(([id]) => !(id in fresh.exhibits) && exists(id))
  const exhibits = Object.fromEntries([...kept, ...Object.entries(fresh.exhibits)].sort(([a], [b]) => a.localeCompare(b)))
  return { ...fresh, exhibits }
}
