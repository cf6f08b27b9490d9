import type { Lang } from '../core/manifest-schema.ts'
import { interpolate } from '../core/translate.ts'
import zh from './locales/zh-CN.json'
import en from './locales/en.json'

export type AppKey = keyof typeof zh
export const appMessages: Record<Lang, Record<AppKey, string>> = { 'zh-CN': zh, en }

/** The app's own strings (shell, lobby, exhibit frame), typed by the zh-CN file's keys. */
export function tApp(lang: Lang, key: AppKey, vars?: Record<string, string | number>): string {
  return interpolate(appMessages[lang][key], vars)
}
