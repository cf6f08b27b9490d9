import { create } from 'zustand'
import { persist, createJSONStorage } from 'zustand/middleware'
import { LangSchema, type Lang } from '../core/manifest-schema.ts'
import { tApp, type AppKey } from './translate.ts'

interface LangSlice {
  lang: Lang
  setLang(l: Lang): void
}

/** The visitor's language; zh-CN by default, remembered on this device. */
export const useLangStore = create<LangSlice>()(
  persist((set) => ({ lang: 'zh-CN', setLang: (lang) => set({ lang }) }), {
    name: 'sophora.lang',
    storage: createJSONStorage(() => localStorage),
    partialize: (s) => ({ lang: s.lang }),
    // Whatever was stored is checked: a damaged value falls back to zh-CN.
    merge: (persisted, current) => {
      const r = LangSchema.safeParse((persisted as { lang?: unknown } | undefined)?.lang)
      return { ...current, lang: r.success ? r.data : current.lang }
    },
  }),
)

/** Typed translator for the app's own strings in the current language. */
export function useT(): (key: AppKey, vars?: Record<string, string | number>) => string {
  const lang = useLangStore((s) => s.lang)
  return (key, vars) => tApp(lang, key, vars)
}
