import { useSyncExternalStore } from 'react'
import type { Cleanup } from './outbox.ts'
import type { PairingState, SyncState } from './sync-client.ts'

export interface PairingSource {
  getState(): Pick<SyncState, 'pairing'>
  subscribe(listener: (state: Pick<SyncState, 'pairing'>) => void): Cleanup
}

const TEXT = {
  'zh-CN': { show: '请向老师出示配对码', rejected: '本站点未获批准，请联系管理员', offline: '配对前的记录会保存在本机，批准后自动上传' },
  en: {
    show: 'Show this pairing code to a guide',
    rejected: 'This station was not approved; ask an admin',
    offline: 'Visits are kept on this device and sent once it is approved',
  },
} as const

/** "123456" → "123 456": six digits read aloud in two groups. */
const grouped = (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`

/**
 * While the station waits for a guide's approval: its pairing code, in digits big enough
 * to read from a step away, in both languages, in the page's flow above the lobby (which
 * keeps working and recording). Gone by itself once the sync client hears it was approved.
 */
export function PairingNotice({ lang, sync }: { lang: 'zh-CN' | 'en'; sync: PairingSource }) {
  const pairing = useSyncExternalStore<PairingState | null>(
    (onChange) => sync.subscribe(onChange),
    () => sync.getState().pairing,
    () => null,
  )
  if (!pairing) return null
  const [first, second] = lang === 'zh-CN' ? [TEXT['zh-CN'], TEXT.en] : [TEXT.en, TEXT['zh-CN']]
  const rejected = pairing.status === 'rejected'
  return (
    <aside
      className="sophora-pairing"
      role="status"
      aria-live="polite"
      data-testid="pairing-notice"
      data-status={pairing.status}
      style={{
        margin: '12px 16px',
        padding: '12px 24px',
        borderRadius: 12,
        background: rejected ? '#f8d7da' : '#fff3cd',
        color: rejected ? '#58151c' : '#664d03',
        textAlign: 'center',
      }}
    >
      <p style={{ margin: 0, fontSize: 22, fontWeight: 600 }} lang={lang}>
        {rejected ? first.rejected : first.show}
      </p>
      <p style={{ margin: '2px 0 0', fontSize: 16 }} lang={lang === 'zh-CN' ? 'en' : 'zh-CN'}>
        {rejected ? second.rejected : second.show}
      </p>
      {pairing.status === 'pending' && (
        <>
          <p
            data-testid="pairing-code"
            data-code={pairing.code}
            aria-label={pairing.code.split('').join(' ')}
            style={{ margin: '8px 0', fontSize: 64, fontWeight: 700, letterSpacing: '0.15em', fontVariantNumeric: 'tabular-nums' }}
          >
            {grouped(pairing.code)}
          </p>
          <p style={{ margin: 0, fontSize: 14 }}>
            {first.offline} · {second.offline}
          </p>
        </>
      )}
    </aside>
  )
}
