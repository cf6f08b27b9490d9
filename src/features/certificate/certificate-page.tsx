import { lazy, Suspense, useEffect, useState } from 'react'
import { useLangStore, useT } from '../../i18n/lang-store.ts'
import { loadQrImage } from '../passport/index.ts'
import { CA_CRT_PATH, CA_PEM_PATH, fetchTlsInfo } from './certificate-api.ts'
import type { TlsInfo } from './certificate-api.ts'
import { PLATFORM_STEPS } from './platform-steps.ts'
import './certificate.css'

const QrImage = lazy(async () => ({ default: (await loadQrImage()).QrImage }))

function Fingerprints(props: { ca: NonNullable<TlsInfo['ca']> }) {
  const t = useT()
  const lang = useLangStore((s) => s.lang)
  return (
    <section className="cert-box">
      <h3>{t('cert.fingerprint.title')}</h3>
      <p>{t('cert.fingerprint.intro')}</p>
      <p className="cert-subject">{props.ca.subject}</p>
      <dl className="cert-fingerprints">
        <dt>SHA-256</dt>
        <dd data-testid="ca-sha256">{props.ca.sha256}</dd>
        <dt>{t('cert.fingerprint.sha1')}</dt>
        <dd>{props.ca.sha1}</dd>
      </dl>
      <p>{t('cert.validTo', { date: new Date(props.ca.validTo).toLocaleDateString(lang) })}</p>
    </section>
  )
}

/** The CA download for a phone: one QR code per LAN address (the phone picks what its Wi-Fi reaches). */
function DownloadQr(props: { urls: string[] }) {
  const t = useT()
  const [chosen, setChosen] = useState(0)
  const url = props.urls[chosen] ?? props.urls[0]
  if (!url) return null
  return (
    <section className="cert-box cert-qr">
      <h3>{t('cert.qr.title')}</h3>
      <Suspense fallback={<span className="qr" />}>
        <QrImage text={url} size="220px" label={t('cert.qr.label')} />
      </Suspense>
      <p className="cert-url" data-testid="ca-qr-url">
        {url}
      </p>
      {props.urls.length > 1 && (
        <label>
          {t('cert.qr.address')}{' '}
          <select value={chosen} onChange={(e) => setChosen(Number(e.target.value))} data-testid="ca-qr-address">
            {props.urls.map((u, i) => (
              <option key={u} value={i}>
                {new URL(u).hostname}
              </option>
            ))}
          </select>
        </label>
      )}
    </section>
  )
}

/**
 * `/admin/certificate`: how a device comes to trust this server's HTTPS — the CA download
 * (button and QR code), its fingerprint to compare, and the steps per platform. Public: it
 * shows nothing secret, and a device needs it before it can sign in without a warning.
 */
export function CertificatePage() {
  const t = useT()
  const [info, setInfo] = useState<TlsInfo | null | 'loading'>('loading')
  useEffect(() => {
    let live = true
    void fetchTlsInfo().then((r) => live && setInfo(r))
    return () => {
      live = false
    }
  }, [])
  const secure = window.isSecureContext === true && location.protocol === 'https:'
  if (info === 'loading') return <p className="loading">{t('cert.loading')}</p>
  if (!info)
    return (
      <main className="guide-page">
        <p role="alert">{t('cert.offline')}</p>
      </main>
    )
  return (
    <main className="guide-page cert-page" data-testid="certificate-page" data-mode={info.mode}>
      <h2>{t('cert.title')}</h2>
      <p className={`code-message ${secure ? 'ok' : 'warn'}`} data-testid="secure-status" data-secure={secure}>
        {t(secure ? 'cert.secure.yes' : 'cert.secure.no')}
      </p>
      {info.mode === 'off' && <p>{t('cert.off')}</p>}
      {info.mode === 'files' && <p>{t('cert.files', { issuer: info.certificate?.issuer ?? '' })}</p>}
      {info.ca && (
        <>
          <p>{t('cert.intro')}</p>
          <p className="cert-downloads">
            <a className="btn primary" href={CA_CRT_PATH} download data-testid="ca-download">
              {t('cert.download')}
            </a>
            <a className="btn" href={CA_PEM_PATH} download>
              {t('cert.downloadPem')}
            </a>
          </p>
          <div className="cert-grid">
            <DownloadQr urls={info.caDownloads} />
            <Fingerprints ca={info.ca} />
          </div>
        </>
      )}
      {info.httpsUrls.length > 0 && (
        <section>
          <h3>{t('cert.open.title')}</h3>
          <ul className="cert-urls">
            {info.httpsUrls.map((u) => (
              <li key={u}>
                <a href={u} data-testid="https-url">
                  {u}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {info.ca && (
        <section>
          <h3>{t('cert.steps.title')}</h3>
          {PLATFORM_STEPS.map((p) => (
            <details key={p.id} className="cert-platform" data-platform={p.id}>
              <summary>{t(p.title)}</summary>
              <ol>
                {p.steps.map((s) => (
                  <li key={s}>{t(s)}</li>
                ))}
              </ol>
            </details>
          ))}
        </section>
      )}
    </main>
  )
}
