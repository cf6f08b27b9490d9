import { z } from 'zod'
import { KebabIdSchema, LocalizedSchema, type Lang, type Localized } from './manifest-schema.ts'
import type { ExhibitEntry, Registry } from './registry.ts'

/**
 * A center profile (centers/<id>.json): which exhibits a science center offers and the local
 * rules that differ from city to city (the name of the green bin, which bin big bones go in).
 * Chosen at build time (env SOPHORA_CENTER, default `generic`). No React, no DOM.
 *
 * A variant is either a text in both languages, which replaces the exhibit's locale key of
 * the same name everywhere it is shown (scene, run panel, subtitles), or a plain string, a
 * data value the exhibit reads with the SDK's `centerVariant()` (e.g. `bin.big-bone: "food"`).
 */
export const CenterVariantSchema = z.union([LocalizedSchema, z.string().trim().min(1)])
export type CenterVariant = z.infer<typeof CenterVariantSchema>

export const CenterProfileSchema = z
  .object({
    id: KebabIdSchema,
    name: LocalizedSchema,
    city: LocalizedSchema,
    /** exhibits offered (folder ids); absent = every exhibit */
    exhibits: z.array(KebabIdSchema).min(1).optional(),
    /** exhibits needed for the passport certificate; absent = every offered exhibit */
    coreSet: z.array(KebabIdSchema).min(1).optional(),
    variants: z.record(KebabIdSchema, z.record(z.string().min(1), CenterVariantSchema)).default({}),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.exhibits && p.coreSet) {
      for (const [i, id] of p.coreSet.entries()) {
        if (!p.exhibits.includes(id))
          ctx.addIssue({
            code: 'custom',
            path: ['coreSet', i],
            message: `"${id}" is in coreSet but not in exhibits (a certificate cannot need an exhibit the center does not offer)`,
          })
      }
    }
  })
export type CenterProfile = z.infer<typeof CenterProfileSchema>

/** A field path as a person reads it: variants."waste-sorting"."bin.food". */
function fieldOf(path: PropertyKey[]): string {
  if (path.length === 0) return '(the whole file)'
  return path
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : /^[a-zA-Z]\w*$/.test(String(k)) ? `${i ? '.' : ''}${String(k)}` : `${i ? '.' : ''}"${String(k)}"`))
    .join('')
}

/**
 * Parse a profile file's text. Throws one Error listing every problem as
 * `centers/x.json: field: what is wrong`, so a bad profile fails the build readably.
 * `fileName` without extension must equal the profile's id.
 */
export function parseCenterProfile(file: string, text: string): CenterProfile {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`, { cause: e })
  }
  const r = CenterProfileSchema.safeParse(raw)
  if (!r.success) {
    const lines = r.error.issues.map((i) => `${file}: ${fieldOf(i.path)}: ${i.message}`)
    throw new Error(`Invalid center profile:\n  - ${lines.join('\n  - ')}`)
  }
  const base = file.replace(/^.*\//, '').replace(/\.json$/, '')
  if (base !== r.data.id) throw new Error(`Invalid center profile:\n  - ${file}: id: is "${r.data.id}" but the file is named ${base}.json (they must match)`)
  return r.data
}

/** The data value of a variant (a plain string); undefined when absent or when it is a text. */
export function variantValue(p: CenterProfile, exhibitId: string, key: string): string | undefined {
  const v = p.variants[exhibitId]?.[key]
  return typeof v === 'string' ? v : undefined
}

/** The exhibit's locale tables with the profile's texts laid over them (input untouched). */
export function applyTextVariants<T extends Partial<Record<Lang, Record<string, string>>>>(p: CenterProfile, exhibitId: string, tables: T): T {
  const texts = Object.entries(p.variants[exhibitId] ?? {}).filter((e): e is [string, Localized] => typeof e[1] !== 'string')
  if (texts.length === 0) return tables
  const out: Partial<Record<Lang, Record<string, string>>> = {}
  for (const [lang, table] of Object.entries(tables) as [Lang, Record<string, string> | undefined][]) {
    if (!table) continue
    out[lang] = { ...table, ...Object.fromEntries(texts.map(([k, v]) => [k, v[lang]])) }
  }
  return out as T
}

/** Exhibits offered (all known ones when the profile does not list them). */
export function offeredExhibits(p: CenterProfile, known: readonly string[]): string[] {
  return p.exhibits ? known.filter((id) => p.exhibits!.includes(id)) : [...known]
}

/** Exhibits that count for the passport certificate. */
export function coreExhibits(p: CenterProfile, known: readonly string[]): string[] {
  const offered = offeredExhibits(p, known)
  return p.coreSet ? offered.filter((id) => p.coreSet!.includes(id)) : offered
}

/**
 * Text variants must name locale keys the exhibit has (a typo would silently do nothing), and
 * narration texts cannot vary: their audio is generated once from the locale files.
 */
export function checkVariantKeys(p: CenterProfile, file: string, localeKeys: (exhibitId: string) => ReadonlySet<string> | undefined): string[] {
  const out: string[] = []
  for (const [ex, vars] of Object.entries(p.variants)) {
    const keys = localeKeys(ex)
    if (!keys) {
      out.push(`${file}: variants."${ex}": no exhibit folder of that name`)
      continue
    }
    for (const [k, v] of Object.entries(vars)) {
      if (typeof v === 'string') continue
      if (k.startsWith('narration.'))
        out.push(`${file}: variants."${ex}"."${k}": narration cannot vary by center (its audio is generated from the locale files)`)
      else if (!keys.has(k)) out.push(`${file}: variants."${ex}"."${k}": the exhibit has no locale key of that name`)
    }
  }
  return out
}

/**
 * The registry as this center offers it: only its exhibits, each loading with the center's
 * texts laid over its locale files.
 */
export function registryForCenter(reg: Registry, p: CenterProfile): Registry {
  const keep = new Set(
    offeredExhibits(
      p,
      reg.exhibits.map((e) => e.id),
    ),
  )
  const exhibits: ExhibitEntry[] = reg.exhibits
    .filter((e) => keep.has(e.id))
    .map((e) => ({
      ...e,
      async load() {
        const loaded = await e.load()
        return { ...loaded, locales: applyTextVariants(p, e.id, loaded.locales) }
      },
    }))
  const byId = new Map(exhibits.map((e) => [e.id, e]))
  return { exhibits, unavailable: reg.unavailable, get: (id) => byId.get(id) }
}
