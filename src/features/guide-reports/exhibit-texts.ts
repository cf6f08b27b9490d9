import type { Lang } from '../../core/manifest-schema.ts'
import type { LoadedExhibit, Registry } from '../../core/registry.ts'
import type { Misconception } from '../../core/session-summary.ts'
import { createTranslator } from '../../core/translate.ts'

/** A misconception in words: the question (or step), the wrong choice, the right one. */
export interface MisconceptionText {
  question: string
  wrong: string
  right: string
}

/**
 * Words for a misconception from the exhibit's own definition and locale tables, as the run
 * panel shows them. The right answer is the exhibit's correct choice (what it teaches), which
 * for steps is the only source: step events do not say which choice was right. Ids the
 * exhibit no longer has stay visible as ids rather than disappearing.
 */
export function misconceptionText(m: Misconception, exhibit: LoadedExhibit | null, lang: Lang): MisconceptionText {
  const t = exhibit ? createTranslator(exhibit.locales, () => lang) : (k: string) => k
  const item = exhibit ? (m.kind === 'quiz' ? exhibit.def.quiz : exhibit.def.steps).find((x) => x.id === m.itemId) : undefined
  const question = item ? t('question' in item ? item.question : item.prompt) : m.itemId
  const label = (choiceId: string | null) => {
    const c = item?.choices.find((x) => x.id === choiceId)
    return c ? t(c.label) : (choiceId ?? '')
  }
  const right = item?.choices.filter((c) => c.correct).map((c) => t(c.label))
  return { question, wrong: label(m.choiceId), right: right?.length ? right.join(' / ') : label(m.correctChoiceId) }
}

/** Loads each exhibit named (its chunk, as opening it would), once; an exhibit that fails to load maps to null. */
export async function loadExhibits(registry: Registry, ids: readonly string[]): Promise<Map<string, LoadedExhibit | null>> {
  const unique = [...new Set(ids)]
  const loaded = await Promise.all(
    unique.map(
      (id) =>
        registry
          .get(id)
          ?.load()
          .catch(() => null) ?? Promise.resolve(null),
    ),
  )
  return new Map(unique.map((id, i) => [id, loaded[i] ?? null]))
}
