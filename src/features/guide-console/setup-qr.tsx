import { lazy, Suspense, useState } from 'react'
import { useLangStore } from '../../i18n/lang-store.ts'
import { loadQrImage } from '../passport/index.ts'
import { mintSetupToken } from './console-api.ts'
import { useConsoleText } from './texts.ts'

const QrImage = lazy(async () => ({ default: (await loadQrImage()).QrImage }))

/**
 * The setup QR on the console: opened, it asks the server for a one-time setup token (valid ten
 * minutes) and shows `<setup page>#setup=<token>`, so scanning it is enough to set a station up
 * with no guide sign-in on the shared device. Closing and opening it again makes a new one.
 */
export function SetupQr(props: { setupUrl: string; token: string }) {
  const t = useConsoleText()
  const lang = useLangStore((s) => s.lang)
  const [qr, setQr] = useState<{ url: string; until: string } | null>(null)
  const [failed, setFailed] = useState(false)

  async function mint() {
    const r = await mintSetupToken(props.token)
    setFailed(!r.ok)
    if (!r.ok) return setQr(null)
    const until = new Date(r.data.expiresAt).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' })
    setQr({ url: `${props.setupUrl}#setup=${encodeURIComponent(r.data.token)}`, until })
  }

  return (
    <details
      data-testid="setup-qr"
      onToggle={(e) => {
        if (e.currentTarget.open) void mint()
        else setQr(null)
      }}
    >
      <summary>{t('stations.setupQr')}</summary>
      {qr && (
        <Suspense fallback={null}>
          <QrImage text={qr.url} size="8rem" label={t('stations.setupQr')} />
          <p className="hint" data-testid="setup-qr-valid" data-url={qr.url}>
            {t('stations.setupQrValid', { time: qr.until })}
          </p>
        </Suspense>
      )}
      {failed && (
        <p role="alert" className="hint">
          {t('stations.setupQrFailed')}
        </p>
      )}
      <button type="button" className="btn" onClick={() => void mint()} data-testid="setup-qr-new">
        {t('stations.setupQrNew')}
      </button>
    </details>
  )
}
