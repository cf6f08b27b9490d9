import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { LANGS, ManifestSchema } from '../core/manifest-schema.ts'
import { formatProblem, isPanorama, validateExhibitFiles, type ExhibitProblem } from '../core/validate.ts'
import { readPanoramaFolder } from './panorama-folder.ts'

const read = (p: string) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined)

/** Every exhibit folder under `dir` (a folder = a direct child directory). */
export function listExhibitFolders(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((n) => !n.startsWith('.') && statSync(join(dir, n)).isDirectory())
    .sort()
}

/** Validate every exhibit folder under `dir` from its files on disk (build time and tests). */
export function validateExhibitDir(dir: string): ExhibitProblem[] {
  return listExhibitFolders(dir).flatMap((folder) => {
    const base = join(dir, folder)
    const locales: Record<string, string | undefined> = {}
    for (const lang of LANGS) locales[lang] = read(join(base, 'locales', `${lang}.json`))
    const manifest = read(join(base, 'manifest.json'))
    const hasIndex = existsSync(join(base, 'index.ts')) || existsSync(join(base, 'index.tsx'))
    const problems = validateExhibitFiles({ folder, manifest, locales, hasIndex, sources: read(join(base, 'sources.md')) }).problems
    return isPanorama(manifest) ? [...problems, ...panoramaProblems(base, folder, manifest!, locales, hasIndex)] : problems
  })
}

/** A panorama folder's own checks: no code, and a scenes.yaml whose images and keys are all there. */
function panoramaProblems(
  base: string,
  folder: string,
  manifestText: string,
  locales: Record<string, string | undefined>,
  hasIndex: boolean,
): ExhibitProblem[] {
  const out: ExhibitProblem[] = []
  if (hasIndex)
    out.push({
      folder,
      file: 'index.ts',
      field: '',
      message: 'a panorama exhibit has no code: delete index.ts, or remove "kind": "panorama" from manifest.json',
    })
  const m = ManifestSchema.safeParse(parseOr(manifestText))
  const tables = LANGS.map((l) => parseOr(locales[l] ?? ''))
  const keys = tables.every((t) => t && typeof t === 'object') ? new Set(LANGS.flatMap((_, i) => Object.keys(tables[i] as object))) : null
  // a key missing in one language is already reported against that locale file
  return [...out, ...readPanoramaFolder(base, folder, m.success ? m.data : undefined, keys).problems]
}

const parseOr = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

export function describeProblems(problems: ExhibitProblem[]): string {
  return `Invalid exhibit${problems.length > 1 ? 's' : ''}:\n${problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`
}
