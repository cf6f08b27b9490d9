import { lazy, Suspense, useEffect, useState, type FormEvent } from 'react'
import { useLangStore } from '../../i18n/lang-store.ts'
import { checkPassportCode } from '../../core/passport-code.ts'
import type { Board, Command } from '../../core/station-live.ts'
import { loadQrImage } from '../passport/index.ts'
import { endSession, joinStation, sendCommand, watchBoard } from './console-api.ts'
import { ConsoleSignIn, useGuideSession } from './guide-auth.tsx'
import { ProgressGrid, HintsList } from './session-views.tsx'
import { StationsTable, type ExhibitTitles } from './stations-table.tsx'
import { useConsoleText } from './texts.ts'

const QrImage = lazy(async () => ({ default: (await loadQrImage()).QrImage }))

export interface SessionPageProps {
  sessionId: string
  titles: ExhibitTitles
  /** absolute URL a station opens to join (the session QR) */
  joinUrl(code: string): string
  onSummary(sessionId: string): void
}

/**
 * `/guide/sessions/:id`: the class session live. The board (stations, passports × exhibits,
 * misconception hints) is pushed by the server on every change; the buttons send commands.
 */
export function GuideSessionPage(props: SessionPageProps) {
  const t = useConsoleText()
  const lang = useLangStore((s) => s.lang)
  const [session, setSession] = useGuideSession()
  const [board, setBoard] = useState<Board | null>(null)
  const [live, setLive] = useState(false)
  const [chosen, setChosen] = useState<Set<string>>(new Set())
  const [exhibit, setExhibit] = useState<string>('')
  const [note, setNote] = useState<string | null>(null)
  const token = session?.token
  const { sessionId } = props
  useEffect(() => {
    if (!token) return
    return watchBoard(token, sessionId, setBoard, (on, status) => {
      setLive(on)
      if (status === 401) setSession(null)
    })
    // eslint-disable-next-line react-hooks/exhaustive-deps -- setSession is a fresh closure each render; the token decides
  }, [token, sessionId])
  if (!session || !token) return <ConsoleSignIn onSession={setSession} />
  if (!board)
    return (
      <main className="guide-page console" data-testid="guide-session" data-status="loading">
        <p>{t('session.loading')}</p>
      </main>
    )

  const info = board.session
  const ended = info.endedAt !== null
  const firstExhibit = exhibit || info.exhibits[0] || ''
  const send = async (command: Command, stations?: string[]) => {
    const r = await sendCommand(token, sessionId, command, stations)
    setNote(r.ok ? t('sent', { n: r.data.sent }) : null)
  }
  const members = board.stations.filter((s) => s.joined)
  async function checkIn(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    const code = checkPassportCode(String(f.get('code') ?? ''))
    if (!code.ok) {
      setNote(t('session.checkInBad'))
      return
    }
    await send({ type: 'check-in', passport: code.code }, [String(f.get('station'))])
  }
  async function end() {
    if (!ended && !window.confirm(t('session.endConfirm'))) return
    const r = await endSession(token!, sessionId)
    if (r.ok) props.onSummary(sessionId)
  }

  return (
    <main className="guide-page console" data-testid="guide-session" data-status={ended ? 'ended' : 'live'} data-live={live}>
      <header className="console-head">
        <h2>
          {info.school} {info.grade} {info.className} · {info.headcount}
        </h2>
        {!live && <p className="warn">{t('session.reconnecting')}</p>}
        {!ended && (
          <div className="console-join" data-testid="join-code" data-code={info.joinCode}>
            <Suspense fallback={null}>
              <QrImage text={props.joinUrl(info.joinCode)} size="6rem" label={info.joinCode} />
            </Suspense>
            <p>{t('session.joinCode', { code: info.joinCode })}</p>
          </div>
        )}
      </header>
      {ended ? (
        <p data-testid="session-ended">
          {t('session.ended')}{' '}
          <button className="btn primary" onClick={() => props.onSummary(sessionId)} data-testid="view-summary">
            {t('session.summary')}
          </button>
        </p>
      ) : (
        <section className="console-commands" aria-label={t('session.send')}>
          <label>
            {t('session.send')}{' '}
            <select value={firstExhibit} onChange={(e) => setExhibit(e.currentTarget.value)} data-testid="send-exhibit">
              {info.exhibits.map((id) => (
                <option key={id} value={id}>
                  {props.titles[id]?.[lang] ?? id}
                </option>
              ))}
            </select>
          </label>
          <button className="btn primary" onClick={() => void send({ type: 'launch', exhibitId: firstExhibit })} data-testid="send-all">
            {t('session.toAll')}
          </button>
          <button
            className="btn"
            disabled={chosen.size === 0}
            onClick={() => void send({ type: 'launch', exhibitId: firstExhibit }, [...chosen])}
            data-testid="send-chosen"
          >
            {t('session.toChosen')}
          </button>
          <button className="btn warn" onClick={() => void send({ type: 'pause' })} data-testid="pause-all">
            {t('session.pause')}
          </button>
          <button className="btn" onClick={() => void send({ type: 'resume' })} data-testid="resume-all">
            {t('session.resume')}
          </button>
          <button className="btn" onClick={() => void send({ type: 'lobby' })} data-testid="lobby-all">
            {t('session.lobby')}
          </button>
          <button className="btn" onClick={() => void end()} data-testid="end-session">
            {t('session.end')}
          </button>
          {note && (
            <span role="status" data-testid="command-note">
              {note}
            </span>
          )}
        </section>
      )}
      <section>
        <StationsTable
          stations={board.stations}
          titles={props.titles}
          lang={lang}
          chosen={chosen}
          onChoose={(id, on) =>
            setChosen((c) => {
              const next = new Set(c)
              if (on) next.add(id)
              else next.delete(id)
              return next
            })
          }
          {...(ended ? {} : { onJoin: (id: string) => void joinStation(token, sessionId, id) })}
        />
      </section>
      {!ended && members.length > 0 && (
        <form className="console-checkin" onSubmit={(e) => void checkIn(e)} data-testid="console-checkin">
          <strong>{t('session.checkIn')}</strong>
          <label>
            {t('session.checkInTo')}{' '}
            <select name="station" data-testid="checkin-station">
              {members.map((s) => (
                <option key={s.stationId} value={s.stationId}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('session.checkInCode')} <input name="code" required maxLength={14} autoCapitalize="characters" data-testid="checkin-code" />
          </label>
          <button className="btn primary" type="submit" data-testid="checkin-send">
            {t('session.checkInSend')}
          </button>
        </form>
      )}
      <ProgressGrid board={board} titles={props.titles} lang={lang} />
      <HintsList board={board} titles={props.titles} lang={lang} />
    </main>
  )
}
