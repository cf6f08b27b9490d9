import type { Lang } from './manifest-schema.ts'

/** Replace {name} placeholders; unknown placeholders stay visible so they get noticed. */
export function interpolate(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m))
}

/** Translator over message tables in the current language, falling back to zh-CN, then the key. */
export function createTranslator(
  tables: Partial<Record<Lang, Record<string, string>>>,
  getLang: () => Lang,
): (key: string, vars?: Record<string, string | number>) => string {
  return (key, vars) => interpolate(tables[getLang()]?.[key] ?? tables['zh-CN']?.[key] ?? key, vars)
}
