import { useEffect, useState, type FormEvent } from 'react'
import { useLangStore } from '../../i18n/lang-store.ts'
import type { SessionInfo, StationRow } from '../../core/station-live.ts'
import { createSession, listSessions, listStations } from './console-api.ts'
import { ConsoleSignIn, useGuideSession } from './guide-auth.tsx'
import { SetupQr } from './setup-qr.tsx'
import { StationsTable, type ExhibitTitles } from './stations-table.tsx'
import { useConsoleText } from './texts.ts'

const REFRESH_MS = 3000

export interface ConsoleProps {
  titles: ExhibitTitles
  /** the exhibits a class can be given (the center's, lobby order) */
  exhibitIds: string[]
  /** absolute URL of a station's setup screen (the setup QR) */
  setupUrl: string
  onOpenSession(id: string): void
}

/**
 * `/guide/console`, on the guide's tablet: the center's stations (refreshed every few
 * seconds), starting a class session, and the recent sessions.
 */
export function GuideConsolePage(props: ConsoleProps) {
  const t = useConsoleText()
  const lang = useLangStore((s) => s.lang)
  const [session, setSession] = useGuideSession()
  const [stations, setStations] = useState<StationRow[]>([])
  const [recent, setRecent] = useState<SessionInfo[]>([])
  const [failed, setFailed] = useState(false)
  const token = session?.token
  useEffect(() => {
    if (!token) return
    let live = true
    const load = async () => {
      const [s, r] = await Promise.all([listStations(token), listSessions(token)])
      if (!live) return
      if ((!s.ok && s.status === 401) || (!r.ok && r.status === 401)) setSession(null)
      if (s.ok) setStations(s.data)
      if (r.ok) setRecent(r.data)
    }
    void load()
    const timer = setInterval(() => void load(), REFRESH_MS)
    return () => {
      live = false
      clearInterval(timer)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- setSession is a fresh closure each render; the token decides
  }, [token])
  if (!session) return <ConsoleSignIn onSession={setSession} />

  async function start(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    if (!token) return
    const f = new FormData(e.currentTarget)
    const r = await createSession(token, {
      requestId: crypto.randomUUID(),
      school: String(f.get('school') ?? '').trim(),
      grade: String(f.get('grade') ?? '').trim(),
      className: String(f.get('className') ?? '').trim(),
      headcount: Number(f.get('headcount')),
      exhibits: f.getAll('exhibits').map(String),
      stations: f.getAll('stations').map(String),
    })
    if (r.ok) props.onOpenSession(r.data.sessionId)
    else setFailed(true)
  }

  return (
    <main className="guide-page console" data-testid="guide-console">
      <h2>{t('console.title')}</h2>
      <nav className="hint" data-testid="console-links">
        <a href="/guide/stations/pairing">{t('nav.pairing')}</a> · <a href="/guide/passports">{t('nav.passports')}</a> ·{' '}
        <a href="/guide/programme">{t('nav.programme')}</a> · <a href="/admin/dashboard">{t('nav.dashboard')}</a> ·{' '}
        <a href={`/admin/report/${new Date().getFullYear()}`}>{t('nav.report')}</a>
      </nav>
      <section>
        <h3>{t('stations.title')}</h3>
        <StationsTable stations={stations} titles={props.titles} lang={lang} />
        {token && <SetupQr setupUrl={props.setupUrl} token={token} />}
      </section>
      <form className="guide-form" data-testid="new-session" onSubmit={(e) => void start(e)}>
        <h3>{t('new.title')}</h3>
        <label>
          {t('new.school')}
          <input name="school" required maxLength={60} data-testid="new-school" />
        </label>
        <label>
          {t('new.grade')}
          <input name="grade" required maxLength={20} data-testid="new-grade" />
        </label>
        <label>
          {t('new.class')}
          <input name="className" required maxLength={20} data-testid="new-class" />
        </label>
        <label>
          {t('new.headcount')}
          <input name="headcount" type="number" required min={1} max={60} defaultValue={40} data-testid="new-headcount" />
        </label>
        <fieldset>
          <legend>{t('new.exhibits')}</legend>
          {props.exhibitIds.map((id) => (
            <label key={id}>
              <input type="checkbox" name="exhibits" value={id} data-testid={`new-exhibit-${id}`} />
              {props.titles[id]?.[lang] ?? id}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('new.stations')}</legend>
          {stations.map((s) => (
            <label key={s.stationId}>
              <input type="checkbox" name="stations" value={s.stationId} data-testid={`new-station-${s.name}`} />
              {s.name}
            </label>
          ))}
        </fieldset>
        <button className="btn primary" type="submit" data-testid="new-submit">
          {t('new.submit')}
        </button>
        {failed && <p role="alert">{t('new.failed')}</p>}
      </form>
      {recent.length > 0 && (
        <section>
          <h3>{t('recent.title')}</h3>
          <ul>
            {recent.map((r) => (
              <li key={r.sessionId}>
                <button className="btn-plain" onClick={() => props.onOpenSession(r.sessionId)}>
                  {r.school} {r.grade} {r.className} · {new Date(r.createdAt).toLocaleString(lang)}
                  {r.endedAt && ` · ${t('recent.ended')}`}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="hint">
        <button type="button" className="btn" onClick={() => setSession(null)}>
          {t('console.signOut')}
        </button>
      </p>
    </main>
  )
}
