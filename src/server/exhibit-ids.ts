import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { KebabIdSchema } from '../core/manifest-schema.ts'

/**
 * The exhibit ids the server accepts events for: `<dir>/*\/manifest.json` for each
 * configured dir. Only the id matters here (the build validates the full manifest),
 * so a manifest the lobby would reject for other reasons still counts.
 */
const ManifestIdSchema = z.looseObject({ id: KebabIdSchema })

export interface ExhibitIds {
  ids: Set<string>
  warnings: string[]
}

export function loadExhibitIds(dirs: readonly string[]): ExhibitIds {
  const ids = new Set<string>()
  const warnings: string[] = []
  for (const dir of dirs) {
    if (!existsSync(dir)) {
      warnings.push(`exhibits dir ${dir} does not exist`)
      continue
    }
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue
      const file = join(dir, entry.name, 'manifest.json')
      if (!existsSync(file)) continue
      try {
        const r = ManifestIdSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
        if (r.success) ids.add(r.data.id)
        else warnings.push(`${file}: id ${r.error.issues[0]?.message ?? 'invalid'}`)
      } catch (e) {
        warnings.push(`${file}: ${e instanceof Error ? e.message : String(e)}`)
      }
    }
  }
  return { ids, warnings }
}
