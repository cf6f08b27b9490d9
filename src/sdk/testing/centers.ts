import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { applyTextVariants, parseCenterProfile, variantValue, type CenterProfile } from '../../core/center-profile.ts'
import type { Lang } from '../../core/manifest-schema.ts'

/** The project's centers/ folder (profiles of the centers this checkout builds for). */
const CENTERS = join(dirname(fileURLToPath(import.meta.url)), '../../../centers')

/** A center's local rules as an exhibit test sees them (centers/<id>.json, validated as the build does). */
export interface TestCenter {
  id: string
  /** the exhibit's locale tables with the center's texts laid over them, as `ctx.t` shows them there */
  locales<T extends Partial<Record<Lang, Record<string, string>>>>(exhibitId: string, tables: T): T
  /** the center's plain-string variant `key` for the exhibit (what `centerVariant` returns in that build) */
  variant(exhibitId: string, key: string): string | undefined
  /** every variant key the center sets for the exhibit, texts and values */
  variantKeys(exhibitId: string): string[]
}

function wrap(p: CenterProfile): TestCenter {
  return {
    id: p.id,
    locales: (exhibitId, tables) => applyTextVariants(p, exhibitId, tables),
    variant: (exhibitId, key) => variantValue(p, exhibitId, key),
    variantKeys: (exhibitId) => Object.keys(p.variants[exhibitId] ?? {}),
  }
}

/** The center profile `centers/<id>.json`; throws naming the file and field when it is invalid. */
export function loadCenter(id: string): TestCenter {
  const file = `centers/${id}.json`
  return wrap(parseCenterProfile(file, readFileSync(join(CENTERS, `${id}.json`), 'utf8')))
}

/** The ids of every center profile in centers/. */
export function centerIds(): string[] {
  return readdirSync(CENTERS)
    .filter((n) => n.endsWith('.json'))
    .map((n) => n.replace(/\.json$/, ''))
    .sort()
}
