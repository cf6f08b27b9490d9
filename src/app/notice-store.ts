import { create } from 'zustand'
import type { AppKey } from '../i18n/translate.ts'

/** One kind message at a time (crash, reset storage...), dismissed by the visitor. */
interface NoticeSlice {
  notice: AppKey | null
  show(k: AppKey): void
  clear(): void
}
export const useNoticeStore = create<NoticeSlice>()((set) => ({
  notice: null,
  show: (notice) => set({ notice }),
  clear: () => set({ notice: null }),
}))
