import { useSyncExternalStore } from 'react'
import type { Cleanup } from './outbox.ts'

export interface PendingSource {
  getPendingCount(): number
  subscribe(listener: (pending: number) => void): Cleanup
}

export interface PendingBadgeProps {
  lang: 'zh-CN' | 'en'
  /** Usually the station's outbox. */
  outbox: PendingSource
}

export function pendingLabel(n: number, lang: 'zh-CN' | 'en'): string {
  return lang === 'zh-CN' ? `${n} 条待同步` : `${n} pending`
}

/** A small pill showing how many visit events wait for the server; nothing when all are sent. */
export function PendingBadge({ lang, outbox }: PendingBadgeProps) {
  const n = useSyncExternalStore(
    (onChange) => outbox.subscribe(onChange),
    () => outbox.getPendingCount(),
    () => 0,
  )
  if (n <= 0) return null
  return (
    <span
      className="sophora-pending-badge"
      role="status"
      aria-live="polite"
      style={{ padding: '2px 8px', borderRadius: 999, background: '#fff3cd', color: '#664d03', fontSize: 12 }}
    >
      {pendingLabel(n, lang)}
    </span>
  )
}
