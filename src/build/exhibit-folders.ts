import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { LANGS } from '../core/manifest-schema.ts'
import { formatProblem, validateExhibitFiles, type ExhibitProblem } from '../core/validate.ts'

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
    return validateExhibitFiles({
      folder,
      manifest: read(join(base, 'manifest.json')),
      locales,
      hasIndex: existsSync(join(base, 'index.ts')) || existsSync(join(base, 'index.tsx')),
      sources: read(join(base, 'sources.md')),
    }).problems
  })
}

export function describeProblems(problems: ExhibitProblem[]): string {
  return `Invalid exhibit${problems.length > 1 ? 's' : ''}:\n${problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`
}
