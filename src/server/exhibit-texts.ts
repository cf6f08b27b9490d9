import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'

type Lang = 'zh-CN' | 'en'
const LANGS: readonly Lang[] = ['zh-CN', 'en']
const LocaleSchema = z.record(z.string(), z.string())
export type Bilingual = Record<Lang, string>

/**
 * The exhibits' own words for the guide's misconception hints, read from their locale
 * files (exhibits add nothing for the console). Keys follow the convention every exhibit's
 * steps.ts/quiz.ts use: `quiz.<id>.question|explanation`, `step.<id>.prompt`,
 * `choice.<id>`, `feedback.<id>`; a missing key falls back to the id.
 */
export function createExhibitTexts(dirs: readonly string[]) {
  const cache = new Map<string, Record<Lang, Record<string, string>>>()
  const tables = (exhibitId: string) => {
    let t = cache.get(exhibitId)
    if (t) return t
    t = { 'zh-CN': {}, en: {} }
    for (const lang of LANGS) {
      const dir = dirs.map((d) => join(d, exhibitId, 'locales')).find((d) => existsSync(join(d, `${lang}.json`)))
      if (!dir) continue
      try {
        const r = LocaleSchema.safeParse(JSON.parse(readFileSync(join(dir, `${lang}.json`), 'utf8')))
        if (r.success) t[lang] = r.data
      } catch {
        /* unreadable locale: ids are shown instead */
      }
    }
    cache.set(exhibitId, t)
    return t
  }
  const text = (exhibitId: string, key: string, fallback: string): Bilingual => {
    const t = tables(exhibitId)
    return { 'zh-CN': t['zh-CN'][key] ?? fallback, en: t.en[key] ?? fallback }
  }
  const line = (b: Bilingual): Bilingual => ({ 'zh-CN': firstSentence(b['zh-CN']), en: firstSentence(b.en) })
  return {
    quiz(exhibitId: string, itemId: string, choiceId: string) {
      return {
        question: text(exhibitId, `quiz.${itemId}.question`, itemId),
        choice: text(exhibitId, `choice.${choiceId}`, choiceId),
        point: line(text(exhibitId, `quiz.${itemId}.explanation`, '')),
      }
    },
    step(exhibitId: string, stepId: string, choiceId: string) {
      return {
        question: text(exhibitId, `step.${stepId}.prompt`, stepId),
        choice: text(exhibitId, `choice.${choiceId}`, choiceId),
        point: line(text(exhibitId, `feedback.${choiceId}`, '')),
      }
    },
  }
}
export type ExhibitTexts = ReturnType<typeof createExhibitTexts>

/**
 * The first sentence that says something: a feedback text often opens with a bare
 * "No." / "不对。", which is no talking point, so short leading sentences are skipped.
 */
export function firstSentence(s: string): string {
  const parts = s.match(/[^。！？!?.]+[。！？!?.]?/g)?.map((p) => p.trim()) ?? []
  return parts.find((p) => p.length > 12) ?? parts[0] ?? ''
}
