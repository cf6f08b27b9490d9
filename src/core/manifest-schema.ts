import { z } from 'zod'

/** The languages Sophora ships. zh-CN is the default everywhere. */
export const LANGS = ['zh-CN', 'en'] as const
export const LangSchema = z.enum(LANGS)
/** A language the platform shows and speaks: zh-CN (the default) or en. */
export type Lang = z.infer<typeof LangSchema>

export const CATEGORIES = ['vr', 'emergency', 'disaster', 'science'] as const
export const CategorySchema = z.enum(CATEGORIES)
export type Category = z.infer<typeof CategorySchema>

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
export const KebabIdSchema = z.string().regex(kebab, 'must be kebab-case (a-z, 0-9 and single hyphens)')

/** A text given in every shipped language. */
export const LocalizedSchema = z
  .object({
    'zh-CN': z.string().trim().min(1),
    en: z.string().trim().min(1),
  })
  .strict()
export type Localized = z.infer<typeof LocalizedSchema>

const uniqueIds = (ids: string[]) => new Set(ids).size === ids.length

export const StampSchema = z
  .object({
    /** One character drawn in the seal (e.g. 火); Chinese seals read best with one glyph. */
    glyph: z.string().min(1).max(2),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a #rrggbb colour'),
    label: LocalizedSchema,
  })
  .strict()

/**
 * manifest.json of an exhibit. Pure data: the lobby reads it without loading the
 * exhibit's code. Step, quiz and narration ids must match steps.ts/quiz.ts and locales.
 */
export const ManifestSchema = z
  .object({
    id: KebabIdSchema,
    version: z.number().int().positive(),
    title: LocalizedSchema,
    summary: LocalizedSchema,
    category: CategorySchema,
    ages: z.tuple([z.number().int().min(3).max(99), z.number().int().min(3).max(99)]).refine(([a, b]) => a <= b, 'first age must not exceed the second'),
    minutes: z.number().int().min(1).max(120),
    stamp: StampSchema,
    steps: z.array(KebabIdSchema).min(1).refine(uniqueIds, 'step ids must be unique'),
    quiz: z
      .object({
        items: z.array(KebabIdSchema).min(1).refine(uniqueIds, 'quiz ids must be unique'),
        pass: z.number().int().min(0),
      })
      .strict()
      .refine((q) => q.pass <= q.items.length, 'quiz.pass cannot exceed the number of items'),
    narration: z.array(KebabIdSchema).refine(uniqueIds, 'narration cue ids must be unique'),
    modes: z
      .array(z.enum(['flat', 'vr']))
      .min(1)
      .refine((m) => m.includes('flat'), 'every exhibit must support flat mode (completable without a headset)'),
    /** "code" (index.ts, the default) or "panorama" (no code: scenes.yaml and images, see docs/authoring-panorama.md) */
    kind: z.enum(['code', 'panorama']).optional(),
  })
  .strict()
/** An exhibit's manifest.json as validated (ids, titles, stamp, step/quiz order, narration cues, modes). */
export type Manifest = z.infer<typeof ManifestSchema>

/** A locale file: flat map of key -> non-empty string. */
export const LocaleFileSchema = z.record(z.string().regex(/^[a-zA-Z0-9_.-]+$/, 'keys use letters, digits, . _ -'), z.string().min(1))
export type LocaleFile = z.infer<typeof LocaleFileSchema>
