import type { z } from 'zod'
import { LANGS, LocaleFileSchema, ManifestSchema, type Manifest } from './manifest-schema.ts'

/** One problem found in an exhibit folder, precise enough to fix without guessing. */
export interface ExhibitProblem {
  folder: string
  file: string
  field: string
  message: string
}

export function formatProblem(p: ExhibitProblem): string {
  return `exhibits/${p.folder}/${p.file}: ${p.field ? `field "${p.field}": ` : ''}${p.message}`
}

/**
 * One exhibit folder's files: raw text (build time) or already-parsed JSON (runtime,
 * from import.meta.glob). undefined = file missing; sources null = not checked.
 */
export interface ExhibitFiles {
  folder: string
  manifest: unknown
  /** null = not checked here (runtime: locales load lazily with the exhibit's code) */
  locales: Partial<Record<string, unknown>> | null
  hasIndex: boolean
  sources: string | undefined | null
}

/** Whether a manifest (raw text or parsed) declares the no-code panorama kind; read before it is validated. */
export function isPanorama(manifest: unknown): boolean {
  let m = manifest
  if (typeof m === 'string') {
    try {
      m = JSON.parse(m)
    } catch {
      return false
    }
  }
  return !!m && typeof m === 'object' && (m as { kind?: unknown }).kind === 'panorama'
}

function parseJson(text: unknown, folder: string, file: string, out: ExhibitProblem[]): unknown {
  if (typeof text !== 'string') return text
  try {
    return JSON.parse(text)
  } catch (e) {
    out.push({ folder, file, field: '', message: `is not valid JSON (${(e as Error).message})` })
    return undefined
  }
}

function zodProblems(err: z.ZodError, folder: string, file: string): ExhibitProblem[] {
  return err.issues.map((i) => ({ folder, file, field: i.path.join('.') || '(root)', message: i.message }))
}

/**
 * Validate an exhibit folder's data files. Used by the build (vite plugin), by `npm test`
 * and (on parsed objects) at runtime. Returns the manifest when it is valid.
 */
export function validateExhibitFiles(f: ExhibitFiles): { problems: ExhibitProblem[]; manifest?: Manifest } {
  const problems: ExhibitProblem[] = []
  const { folder } = f
  let manifest: Manifest | undefined
  if (f.manifest === undefined) {
    problems.push({ folder, file: 'manifest.json', field: '', message: 'is missing' })
  } else {
    const raw = parseJson(f.manifest, folder, 'manifest.json', problems)
    if (raw !== undefined) {
      const r = ManifestSchema.safeParse(raw)
      if (!r.success) problems.push(...zodProblems(r.error, folder, 'manifest.json'))
      else if (r.data.id !== folder) {
        problems.push({ folder, file: 'manifest.json', field: 'id', message: `"${r.data.id}" must equal the folder name "${folder}"` })
      } else manifest = r.data
    }
  }
  const panorama = isPanorama(f.manifest)
  if (!f.hasIndex && !panorama) problems.push({ folder, file: 'index.ts', field: '', message: 'is missing (export default defineExhibit({...}))' })
  if (f.sources !== null && (f.sources === undefined || f.sources.trim().length < 20)) {
    problems.push({ folder, file: 'sources.md', field: '', message: 'is missing or empty: cite where every fact comes from' })
  }

  const keySets: Record<string, Set<string>> = {}
  for (const lang of f.locales ? LANGS : []) {
    const file = `locales/${lang}.json`
    const text = f.locales?.[lang]
    if (text === undefined) {
      problems.push({ folder, file, field: '', message: 'is missing' })
      continue
    }
    const raw = parseJson(text, folder, file, problems)
    if (raw === undefined) continue
    const r = LocaleFileSchema.safeParse(raw)
    if (!r.success) {
      problems.push(...zodProblems(r.error, folder, file))
      continue
    }
    keySets[lang] = new Set(Object.keys(r.data))
  }
  const [first, ...rest] = LANGS
  for (const lang of rest) {
    const a = keySets[first]
    const b = keySets[lang]
    if (!a || !b) continue
    for (const k of a) if (!b.has(k)) problems.push({ folder, file: `locales/${lang}.json`, field: k, message: `key is missing (present in ${first}.json)` })
    for (const k of b) if (!a.has(k)) problems.push({ folder, file: `locales/${first}.json`, field: k, message: `key is missing (present in ${lang}.json)` })
  }
  if (manifest) {
    for (const lang of LANGS) {
      const keys = keySets[lang]
      if (!keys) continue
      for (const cue of manifest.narration) {
        if (!keys.has(`narration.${cue}`))
          problems.push({ folder, file: `locales/${lang}.json`, field: `narration.${cue}`, message: 'subtitle text for the narration cue is missing' })
      }
    }
  }
  return manifest && problems.length === 0 ? { problems, manifest } : { problems }
}
