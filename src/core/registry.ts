import type { ExhibitDefinition } from './exhibit-kit.ts'
import type { Lang, LocaleFile, Manifest } from './manifest-schema.ts'
import { formatProblem, validateExhibitFiles, type ExhibitProblem } from './validate.ts'

export interface LoadedExhibit {
  def: ExhibitDefinition
  locales: Record<Lang, LocaleFile>
}

export interface ExhibitEntry {
  id: string
  manifest: Manifest
  /** Lazy: each exhibit's code (and its locale files) is its own chunk, fetched on open. */
  load(): Promise<LoadedExhibit>
}

export interface UnavailableExhibit {
  folder: string
  problems: ExhibitProblem[]
}

export interface Registry {
  exhibits: ExhibitEntry[]
  unavailable: UnavailableExhibit[]
  get(id: string): ExhibitEntry | undefined
}

/** Glob results keyed by path, as import.meta.glob returns them. */
export interface ExhibitSources {
  manifests: Record<string, unknown>
  /** lazy loaders: the lobby needs only manifests */
  locales: Record<string, () => Promise<unknown>>
  modules: Record<string, () => Promise<unknown>>
  /**
   * Problems found by checking the folders' files on disk (the dev server passes them: locale
   * files and sources.md are not loaded with the lobby). A folder with any is unavailable.
   */
  problems?: ExhibitProblem[]
}

const folderOf = (path: string) => /([^/]+)\/(?:manifest\.json|index\.ts|locales\/[^/]+\.json)$/.exec(path)?.[1]

/**
 * Build the registry from discovered files. An invalid folder is skipped (listed in
 * `unavailable` with precise problems) and every valid one still runs.
 */
export function createRegistry(src: ExhibitSources): Registry {
  const folders = new Map<string, { manifest?: unknown; locales: Record<string, () => Promise<unknown>>; module?: () => Promise<unknown> }>()
  const slot = (path: string) => {
    const f = folderOf(path)
    if (!f) return undefined
    let s = folders.get(f)
    if (!s) folders.set(f, (s = { locales: {} }))
    return s
  }
  for (const [p, v] of Object.entries(src.manifests)) {
    const s = slot(p)
    if (s) s.manifest = v
  }
  for (const [p, v] of Object.entries(src.modules)) {
    const s = slot(p)
    if (s) s.module = v
  }
  for (const [p, v] of Object.entries(src.locales)) {
    const s = slot(p)
    const lang = /locales\/([^/]+)\.json$/.exec(p)?.[1]
    if (s && lang) s.locales[lang] = v
  }

  const exhibits: ExhibitEntry[] = []
  const unavailable: UnavailableExhibit[] = []
  for (const [folder, s] of [...folders].sort(([a], [b]) => a.localeCompare(b))) {
    const { problems, manifest } = validateExhibitFiles({
      folder,
      manifest: s.manifest,
      locales: null,
      hasIndex: !!s.module,
      sources: null,
    })
    const onDisk = (src.problems ?? []).filter((p) => p.folder === folder)
    if (!manifest || !s.module || onDisk.length) {
      const seen = new Set(problems.map(formatProblem))
      unavailable.push({ folder, problems: [...problems, ...onDisk.filter((p) => !seen.has(formatProblem(p)))] })
      continue
    }
    const { module: load, locales } = s
    exhibits.push({
      id: folder,
      manifest,
      async load() {
        const [mod, tables] = await Promise.all([load(), Promise.all(Object.entries(locales).map(async ([lang, get]) => [lang, await get()] as const))])
        const parsed = Object.fromEntries(tables)
        const { problems } = validateExhibitFiles({ folder, manifest, locales: parsed, hasIndex: true, sources: null })
        if (problems.length) throw new Error(problems.map(formatProblem).join('\n'))
        return { def: checkDefinition(folder, mod), locales: parsed as Record<Lang, LocaleFile> }
      },
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
