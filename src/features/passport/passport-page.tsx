import { useEffect, useState } from 'react'
import { checkPassportCode, formatPassportCode, type PassportCode } from '../../core/passport-code.ts'
import type { Registry } from '../../core/registry.ts'
import { useLangStore, useT } from '../../i18n/lang-store.ts'
import { fetchCenter, fetchPassport, stampsOf, type Center, type PassportView } from './passport-api.ts'
import { Seal } from './seal.tsx'
import { mergeStamps, useStationPassport } from './station-passport-store.ts'

type Load = { status: 'loading' } | { status: 'notFound' } | { status: 'offline' } | { status: 'ready'; view: PassportView | null; center: Center | null }

function usePassportData(code: PassportCode | null): Load {
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  useEffect(() => {
    if (!code) return
    let live = true
    void Promise.all([fetchPassport(code), fetchCenter()]).then(([p, c]) => {
      if (!live) return
      const center = c.ok ? c.data : null
      if (p.ok) setLoad({ status: 'ready', view: p.data, center })
      else if (p.kind === 'http' && p.status === 404) setLoad({ status: 'notFound' })
      else setLoad({ status: 'offline' })
    })
    return () => {
      live = false
    }
  }, [code])
  return code ? load : { status: 'notFound' }
}

/** window.print() blocks until the dialog closes; the class makes the print stylesheet keep only the certificate. */
function printCertificate() {
  document.body.classList.add('printing-certificate')
  try {
    window.print()
  } finally {
    document.body.classList.remove('printing-certificate')
  }
}

/**
 * A student's passport: seals earned, best quiz score per exhibit, what is left, and a
 * certificate once the center's core set is complete. Read-only and anonymous: the code,
 * the center and the stamps, nothing else. On the station where the student is checked in,
 * stamps not yet synced are shown too.
 */
export function PassportPage(props: { code: string; registry: Registry }) {
  const t = useT()
  const lang = useLangStore((s) => s.lang)
  const check = checkPassportCode(props.code)
  const code = check.ok ? check.code : null
  const load = usePassportData(code)
  const local = useStationPassport((s) => (code && s.code === code ? s.local[code] : undefined))

  if (!code || load.status === 'notFound')
    return (
      <main className="passport-page" data-testid="passport-page" data-status="notFound">
        <p role="alert">{t('passport.notFound')}</p>
      </main>
    )
  if (load.status === 'loading')
    return (
      <main className="passport-page" data-testid="passport-page" data-status="loading">
        <p>{t('passport.loading')}</p>
      </main>
    )

  const view = load.status === 'ready' ? load.view : null
  const stamps = mergeStamps(local ?? {}, view ? stampsOf(view) : {})
  const byId = new Map(view?.exhibits.map((e) => [e.exhibitId, e]))
  const all = props.registry.exhibits
  const done = all.filter((e) => stamps[e.id])
  const left = all.filter((e) => !stamps[e.id])
  const coreSet = (load.status === 'ready' ? load.center?.coreSet : null) ?? all.map((e) => e.id)
  const complete = coreSet.length > 0 && coreSet.every((id) => stamps[id])
  const centerName = view?.centerName ?? (load.status === 'ready' ? load.center?.centerName : undefined) ?? t('app.name')

  return (
    <main className="passport-page" data-testid="passport-page" data-status={load.status} data-code={code}>
      <header className="passport-head">
        <h2>{t('passport.title')}</h2>
        <p className="passport-code" data-testid="passport-code">
          {formatPassportCode(code)}
        </p>
        <p>{centerName}</p>
        <p data-testid="passport-count">{t('lobby.stamps', { n: done.length, total: all.length })}</p>
        {load.status === 'offline' && (
          <p className="warn" role="status">
            {t('passport.offline')}
          </p>
        )}
      </header>
      <section aria-labelledby="passport-done">
        <h3 id="passport-done">{t('passport.stamped')}</h3>
        {done.length === 0 && <p>{t('passport.none')}</p>}
        <ul className="passport-list">
          {done.map((e) => {
            const row = byId.get(e.id)
            // Scores come from the server (best of all attempts, out of the quiz's maximum); a stamp
            // only earned on this station and not yet synced shows without one.
            const score = row?.bestScore ?? undefined
            return (
              <li key={e.id} data-testid="passport-stamp" data-exhibit={e.id}>
                <Seal glyph={e.manifest.stamp.glyph} color={e.manifest.stamp.color} earned size={48} label={e.manifest.stamp.label[lang]} />
                <span className="passport-exhibit">{e.manifest.title[lang]}</span>
                {score !== undefined && (
                  <span className="passport-score">
                    {row?.maxScore ? t('passport.score', { score, max: row.maxScore }) : t('passport.scoreOnly', { score })}
                  </span>
                )}
                {row?.stampedAt && <span className="passport-date">{new Date(row.stampedAt).toLocaleDateString(lang)}</span>}
              </li>
            )
          })}
        </ul>
      </section>
      <section aria-labelledby="passport-left">
        <h3 id="passport-left">{t('passport.left')}</h3>
        {left.length === 0 ? (
          <p>{t('passport.allDone')}</p>
        ) : (
          <ul className="passport-list">
            {left.map((e) => (
              <li key={e.id} data-testid="passport-left" data-exhibit={e.id}>
                <Seal glyph={e.manifest.stamp.glyph} color={e.manifest.stamp.color} earned={false} size={48} label={e.manifest.stamp.label[lang]} />
                <span className="passport-exhibit">{e.manifest.title[lang]}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {complete && (
        <section className="certificate" data-testid="certificate" aria-labelledby="certificate-title">
          <h3 id="certificate-title">{t('passport.certificate.title')}</h3>
          <p>{t('passport.certificate.body', { center: centerName, n: coreSet.length })}</p>
          <p className="passport-code">{formatPassportCode(code)}</p>
          <div className="passport-seals">
            {all
              .filter((e) => coreSet.includes(e.id))
              .map((e) => (
                <Seal key={e.id} glyph={e.manifest.stamp.glyph} color={e.manifest.stamp.color} earned size={40} label={e.manifest.stamp.label[lang]} />
              ))}
          </div>
          <button className="btn primary no-print" onClick={printCertificate} data-testid="print-certificate">
            {t('passport.certificate.print')}
          </button>
        </section>
      )}
    </main>
  )
}
