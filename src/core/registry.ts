import type { ExhibitDefinition } from './exhibit-kit.ts'
import type { Lang, LocaleFile, Manifest } from './manifest-schema.ts'
import { validateExhibitFiles, type ExhibitProblem } from './validate.ts'

export interface ExhibitEntry {
  id: string
  manifest: Manifest
  locales: Record<Lang, LocaleFile>
  /** Lazy: each exhibit's code is its own chunk. */
  load(): Promise<ExhibitDefinition>
}

export interface UnavailableExhibit { folder: string; problems: ExhibitProblem[] }

export interface Registry {
  exhibits: ExhibitEntry[]
  unavailable: UnavailableExhibit[]
  get(id: string): ExhibitEntry | undefined
}

/** Glob results keyed by path, as import.meta.glob returns them. */
export interface ExhibitSources {
  manifests: Record<string, unknown>
  locales: Record<string, unknown>
  modules: Record<string, () => Promise<unknown>>
}

const folderOf = (path: string) => /([^/]+)\/(?:manifest\.json|index\.ts|locales\/[^/]+\.json)$/.exec(path)?.[1]

/**
 * Build the registry from discovered files. An invalid folder is skipped (listed in
 * `unavailable` with precise problems) and every valid one still runs.
 */
export function createRegistry(src: ExhibitSources): Registry {
  const folders = new Map<string, { manifest?: unknown; locales: Record<string, unknown>; module?: () => Promise<unknown> }>()
  const slot = (path: string) => {
    const f = folderOf(path)
    if (!f) return undefined
    let s = folders.get(f)
    if (!s) folders.set(f, (s = { locales: {} }))
    return s
  }
  for (const [p, v] of Object.entries(src.manifests)) { const s = slot(p); if (s) s.manifest = v }
  for (const [p, v] of Object.entries(src.modules)) { const s = slot(p); if (s) s.module = v }
  for (const [p, v] of Object.entries(src.locales)) {
    const s = slot(p)
    const lang = /locales\/([^/]+)\.json$/.exec(p)?.[1]
    if (s && lang) s.locales[lang] = v
  }

  const exhibits: ExhibitEntry[] = []
  const unavailable: UnavailableExhibit[] = []
  for (const [folder, s] of [...folders].sort(([a], [b]) => a.localeCompare(b))) {
    const { problems, manifest } = validateExhibitFiles({
      folder, manifest: s.manifest, locales: s.locales, hasIndex: !!s.module, sources: null,
    })
    if (!manifest || !s.module) {
      unavailable.push({ folder, problems })
      continue
    }
    const load = s.module
    exhibits.push({
      id: folder,
      manifest,
      locales: s.locales as Record<Lang, LocaleFile>,
      load: async () => checkDefinition(folder, await load()),
    })
  }
  const byId = new Map(exhibits.map((e) => [e.id, e]))
  return { exhibits, unavailable, get: (id) => byId.get(id) }
}

/** A module without a usable default export fails with a message naming the folder. */
export function checkDefinition(folder: string, mod: unknown): ExhibitDefinition {
  const def = (mod as { default?: Partial<ExhibitDefinition> } | null)?.default
  const missing = !def ? ['default export'] : (['Scene', 'steps', 'quiz'] as const).filter((k) => !def[k])
  if (missing.length) throw new Error(`exhibits/${folder}/index.ts: missing ${missing.join(', ')} (export default defineExhibit({ steps, quiz, Scene }))`)
  return def as ExhibitDefinition
}
