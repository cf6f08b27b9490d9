import { formatPassportCode } from '../../core/passport-code.ts'
import { useT } from '../../i18n/lang-store.ts'
import { useStationPassport } from './station-passport-store.ts'

/**
 * In the header: the checked-in passport and 签退/Check out, or the way to check in.
 * Check-out clears the station so the next student starts clean.
 */
export function PassportBadge(props: { onCheckIn(): void; onOpen(code: string): void; onCheckedOut(): void }) {
  const t = useT()
  const code = useStationPassport((s) => s.code)
  const confirmed = useStationPassport((s) => s.confirmed)
  const checkOut = useStationPassport((s) => s.checkOut)
  if (!code) {
    return (
      <button className="btn passport-badge" onClick={props.onCheckIn} data-testid="header-check-in">
        {t('checkin.short')}
      </button>
    )
  }
  const text = `${t('checkin.badge', { code: formatPassportCode(code) })}${confirmed ? '' : ' *'}`
  return (
    <span className="passport-badge" data-testid="passport-badge" data-code={code} data-confirmed={confirmed}>
      {/* the name starts with what is shown (WCAG 2.5.3 label in name), then says where it leads */}
      <button className="btn link" onClick={() => props.onOpen(code)} aria-label={`${text} · ${t('checkin.myPassport')}`}>
        {text}
      </button>
      <button
        className="btn"
        onClick={() => {
          checkOut()
          props.onCheckedOut()
        }}
        data-testid="check-out"
      >
        {t('checkin.checkOut')}
      </button>
    </span>
  )
}
