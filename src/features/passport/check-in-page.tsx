import { useRef, useState } from 'react'
import { checkPassportCode, formatPassportCode, type PassportCode } from '../../core/passport-code.ts'
import { useT } from '../../i18n/lang-store.ts'
import { CheckInForm } from './check-in-form.tsx'
import { codeFromScan, codeProblemMessage, statusMessage, type Message } from './code-messages.ts'
import type { PassportStatus } from './passport-api.ts'
import { QrScan } from './qr-scan.tsx'
import { useStationPassport } from './station-passport-store.ts'

/**
 * Check-in at a station: scan the card's QR code or type its code. Online the server
 * confirms the passport; offline a code whose check characters are right is accepted
 * and confirmed when the station's events sync.
 */
export function CheckInPage(props: { confirm(code: PassportCode): Promise<PassportStatus>; onDone(): void; onPassport(code: PassportCode): void }) {
  const t = useT()
  const code = useStationPassport((s) => s.code)
  const confirmed = useStationPassport((s) => s.confirmed)
  const checkIn = useStationPassport((s) => s.checkIn)
  const [scanning, setScanning] = useState(false)
  const [scanMessage, setScanMessage] = useState<(Message & { tone: string }) | null>(null)
  const busy = useRef(false)
  const lastText = useRef('')

  async function onScan(text: string) {
    if (busy.current || text === lastText.current) return
    lastText.current = text
    const check = checkPassportCode(codeFromScan(text))
    if (!check.ok) {
      setScanMessage({ ...codeProblemMessage(check), tone: 'error' })
      return
    }
    busy.current = true
    const status = await props.confirm(check.code)
    busy.current = false
    const accepted = status === 'active' || status === 'unconfirmed'
    setScanMessage({ ...statusMessage(status, formatPassportCode(check.code)), tone: accepted ? 'ok' : 'error' })
    if (accepted) {
      setScanning(false)
      checkIn(check.code, status === 'active')
    }
  }

  if (code) {
    return (
      <main className="checkin-page" data-testid="checkin-page">
        <section className="checked-in" data-testid="checked-in" data-code={code} data-confirmed={confirmed}>
          <h2>{t('checkin.welcome')}</h2>
          <p className="passport-code">{formatPassportCode(code)}</p>
          {!confirmed && (
            <p className="warn" role="status">
              {t('checkin.offlineAccepted', { code: formatPassportCode(code) })}
            </p>
          )}
          <div className="choices">
            <button className="btn primary big" onClick={props.onDone} data-testid="go-exhibits">
              {t('checkin.toExhibits')}
            </button>
            <button className="btn" onClick={() => props.onPassport(code)} data-testid="open-passport">
              {t('checkin.myPassport')}
            </button>
          </div>
        </section>
      </main>
    )
  }
  return (
    <main className="checkin-page" data-testid="checkin-page">
      <h2>{t('checkin.title')}</h2>
      <p>{t('lobby.walkIn')}</p>
      <div className="checkin-ways">
        <section className="checkin-way">
          <h3>{t('checkin.scan.title')}</h3>
          {scanning ? (
            <QrScan onText={(x) => void onScan(x)} onClose={() => setScanning(false)} />
          ) : (
            <button
              className="btn primary big"
              onClick={() => {
                lastText.current = ''
                setScanMessage(null)
                setScanning(true)
              }}
              data-testid="scan-start"
            >
              {t('checkin.scan.start')}
            </button>
          )}
          {scanMessage && (
            <p className={`code-message ${scanMessage.tone}`} role="status" data-testid="scan-message">
              {t(scanMessage.key, scanMessage.vars)}
            </p>
          )}
        </section>
        <section className="checkin-way">
          <h3>{t('checkin.typeTitle')}</h3>
          <CheckInForm confirm={props.confirm} onCheckedIn={(c, ok) => checkIn(c, ok)} />
        </section>
      </div>
    </main>
  )
}
