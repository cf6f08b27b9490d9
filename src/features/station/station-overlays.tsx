import { useLangStore } from '../../i18n/lang-store.ts'
import { useLiveStation } from './live-store.ts'
import { useStationText } from './texts.ts'

/**
 * The guide's pause: covers the whole page (and so every control) until resume. In VR the
 * exhibit page draws its own panel inside the headset (see `useHeld`).
 */
export function HoldOverlay() {
  const t = useStationText()
  const held = useLiveStation((s) => s.held)
  const narration = useLiveStation((s) => s.narration)
  if (!held) return null
  return (
    <div className="hold-overlay" role="alertdialog" aria-modal="true" data-testid="hold-overlay" data-narration={narration}>
      <p className="hold-title" lang="zh-CN">
        {t('hold.title')}
      </p>
      <p className="hold-sub">{t('hold.sub')}</p>
    </div>
  )
}

/** Whether the guide's pause is up (for the VR panel inside the headset). */
export const useHeld = () => useLiveStation((s) => s.held)

/**
 * Small, in a corner: the station's name (as the console shows it), a banner for a command
 * that waits for the student, and a one-time note when the session ended.
 */
export function StationCorner(props: { titleOf(exhibitId: string, lang: 'zh-CN' | 'en'): string }) {
  const t = useStationText()
  const lang = useLangStore((s) => s.lang)
  const name = useLiveStation((s) => s.profile?.name ?? null)
  const connected = useLiveStation((s) => s.connected)
  const waiting = useLiveStation((s) => s.waiting?.command ?? null)
  const ended = useLiveStation((s) => s.ended)
  const last = useLiveStation((s) => s.last)
  let banner: string | null = null
  if (waiting?.type === 'launch') banner = t('waiting.launch', { title: props.titleOf(waiting.exhibitId, lang) })
  else if (waiting?.type === 'lobby') banner = t('waiting.lobby')
  else if (waiting?.type === 'check-in') banner = t('waiting.checkIn', { code: waiting.passport })
  return (
    <>
      {name && (
        <div className="station-name" data-testid="station-name" data-connected={connected} data-last-seq={last?.seq ?? 0} data-last-type={last?.type ?? ''}>
          {name}
        </div>
      )}
      {banner && (
        <div className="station-banner" role="status" data-testid="station-waiting" data-command={waiting?.type}>
          {banner}
        </div>
      )}
      {ended && !banner && (
        <div className="station-banner" role="status" data-testid="station-ended">
          <span>{t('notice.ended')}</span>
          <button className="btn" onClick={() => useLiveStation.setState({ ended: false })}>
            ×
          </button>
        </div>
      )}
    </>
  )
}
