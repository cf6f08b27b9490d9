import { formatPassportCode } from '../../core/passport-code.ts'
import { useT } from '../../i18n/lang-store.ts'
import type { Batch } from './passport-api.ts'
import { QrImage } from './qr-image.tsx'

/** 2 × 5 cards of 95 × 55 mm fill an A4 page inside 10 mm margins (see passport.css). */
export const CARDS_PER_PAGE = 10

/**
 * What the card's QR code holds: the passport page under the center's public address; without
 * one, under the address this sheet was printed from (the center's LAN, so the page opens on
 * its Wi-Fi, as the card says); the bare code only where neither is known. Stations read the
 * code out of any of these.
 */
export function qrTextFor(code: string, publicUrl: string | null, lanOrigin: string | null = null): string {
  const base = publicUrl ?? lanOrigin
  return base ? `${base.replace(/\/+$/, '')}/passport/${code}` : code
}

/**
 * The class set as A4 sheets of cut-out cards. The name line stays blank: the student
 * writes it on the paper, and it never enters the system.
 */
export function PrintSheet(props: { batch: Batch }) {
  const t = useT()
  const { batch } = props
  const pages: string[][] = []
  batch.passports.forEach((p, i) => {
    if (i % CARDS_PER_PAGE === 0) pages.push([])
    pages[pages.length - 1]!.push(p.code)
  })
  return (
    <div className="print-sheet" data-testid="print-sheet">
      {pages.map((codes, i) => (
        <section className="sheet-page" key={i}>
          {codes.map((code) => (
            <article className="passport-card" key={code} data-testid="passport-card" data-code={code}>
              <QrImage text={qrTextFor(code, batch.publicUrl, location.origin)} size="30mm" label={t('print.qrLabel')} />
              <div className="card-text">
                <p className="card-center">{batch.centerName}</p>
                <p className="card-title">{t('print.title')}</p>
                <p className="card-code" data-testid="card-code">
                  {formatPassportCode(code)}
                </p>
                <p className="card-name">
                  {t('print.name')} <span className="name-line" />
                </p>
                {!batch.publicUrl && <p className="card-wifi">{t('print.wifiOnly')}</p>}
              </div>
            </article>
          ))}
        </section>
      ))}
    </div>
  )
}
