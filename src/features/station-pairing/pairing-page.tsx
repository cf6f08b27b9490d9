import { useEffect, useState, type FormEvent } from 'react'
import { useLangStore } from '../../i18n/lang-store.ts'
import { GuideSignIn, useGuide, type ApiResult } from '../passport/index.ts'
import { approveStation, fetchPendingStations, rejectStation, type PendingStation } from './pairing-api.ts'
import './pairing.css'

// Kept with the page (not in the shared locale files): only this page uses them.
const TEXT = {
  'zh-CN': {
    title: '新站点配对',
    intro: '站在站点前，输入它屏幕上显示的 6 位配对码，再点“批准”。不认识的设备请点“拒绝”。',
    empty: '没有等待配对的站点。',
    code: '配对码',
    approve: '批准',
    reject: '拒绝',
    firstSeen: '首次请求',
    approved: '已批准，站点几秒内会开始上传记录。',
    rejected: '已拒绝。',
    wrong: '配对码不对，请看站点屏幕再输入。',
    expired: '配对码已过期，站点已显示新的配对码。',
    gone: '这个站点已不在等待列表中。',
    offline: '连不上服务器，请稍后再试。',
    failed: '操作失败，请重试。',
  },
  en: {
    title: 'Pair new stations',
    intro: 'Stand at the station, type the 6-digit code it shows and tap Approve. Reject a device you do not know.',
    empty: 'No station is waiting to be paired.',
    code: 'Pairing code',
    approve: 'Approve',
    reject: 'Reject',
    firstSeen: 'First asked',
    approved: 'Approved: the station starts sending its records within seconds.',
    rejected: 'Rejected.',
    wrong: 'Not the code this station shows; check its screen and try again.',
    expired: 'The code expired; the station now shows a new one.',
    gone: 'This station is no longer waiting.',
    offline: 'Cannot reach the server; try again shortly.',
    failed: 'That did not work; try again.',
  },
} as const
type Message = keyof (typeof TEXT)['en']

/** What a failed approval or rejection means to the guide. */
function problem(r: Exclude<ApiResult<unknown>, { ok: true }>): Message {
  if (r.kind === 'offline') return 'offline'
  if (r.error === 'wrong-pairing-code') return 'wrong'
  if (r.error === 'pairing-code-expired') return 'expired'
  if (r.status === 404) return 'gone'
  return 'failed'
}

const REFRESH_MS = 5000

/** The typed code, spaces dropped ("123 456" as the station shows it works too). */
function codeOf(e: FormEvent<HTMLFormElement>): string {
  e.preventDefault()
  return String(new FormData(e.currentTarget).get('code') ?? '').replace(/\s+/g, '')
}

/**
 * /guide/stations/pairing: the stations waiting for approval, newest last, refreshed every
 * few seconds. The list does not show the codes: the guide reads the code off the station
 * in front of them, so a station is approved only by someone standing at it.
 */
export function PairingPage() {
  const lang = useLangStore((s) => s.lang)
  const tx = TEXT[lang]
  const [session, setSession] = useGuide()
  const [stations, setStations] = useState<PendingStation[] | null>(null)
  const [listProblem, setListProblem] = useState<Message | null>(null)
  const [notes, setNotes] = useState<Record<string, { kind: 'ok' | 'error'; message: Message }>>({})
  // A session the server no longer knows (401): sign in again. useGuide's setter is a new function each render, so it is not called from the effect.
  const [expired, setExpired] = useState<string | null>(null)
  const token = session && session.token !== expired ? session.token : null

  // Bumped by the timer and after each decision: the list is fetched again.
  const [tick, setTick] = useState(0)
  const refresh = () => setTick((n) => n + 1)

  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), REFRESH_MS)
    return () => clearInterval(timer)
  }, [])

  useEffect(() => {
    if (!token) return
    let live = true
    void fetchPendingStations(token).then((r) => {
      if (!live) return
      if (r.ok) {
        setStations(r.data)
        setListProblem(null)
      } else if (r.kind === 'http' && r.status === 401) setExpired(token)
      else setListProblem(problem(r))
    })
    return () => {
      live = false
    }
  }, [token, tick])

  if (!token)
    return (
      <main className="guide-page">
        <GuideSignIn onSession={setSession} />
      </main>
    )

  async function decide(station: PendingStation, what: { approve: string } | 'reject') {
    if (!token) return
    const r = what === 'reject' ? await rejectStation(station.stationId, token) : await approveStation(station.stationId, what.approve, token)
    setNotes((n) => ({
      ...n,
      [station.stationId]: r.ok ? { kind: 'ok', message: what === 'reject' ? 'rejected' : 'approved' } : { kind: 'error', message: problem(r) },
    }))
    if (r.ok || (r.kind === 'http' && r.status === 404)) refresh()
  }

  const decided = Object.entries(notes).filter(([id, n]) => n.kind === 'ok' && !stations?.some((s) => s.stationId === id))
  return (
    <main className="guide-page pairing-page" data-testid="pairing-page">
      <h2>{tx.title}</h2>
      <p>{tx.intro}</p>
      {listProblem && (
        <p role="alert" className="code-message error">
          {tx[listProblem]}
        </p>
      )}
      {stations?.length === 0 && <p data-testid="pairing-empty">{tx.empty}</p>}
      {decided.map(([id, n]) => (
        <p key={id} role="status" className="pairing-done" data-testid="pairing-done">
          {id.slice(0, 8)}… {tx[n.message]}
        </p>
      ))}
      <ul className="pairing-list">
        {stations?.map((s) => {
          const note = notes[s.stationId]
          return (
            <li key={s.stationId} className="pairing-row" data-testid="pairing-row" data-station-id={s.stationId}>
              <div className="pairing-who">
                <strong>{s.name}</strong>
                <span>{s.agent}</span>
                <span>
                  {tx.firstSeen} {new Date(s.firstSeenAt).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' })} · {s.stationId.slice(0, 8)}
                </span>
              </div>
              <form className="pairing-form" onSubmit={(e) => void decide(s, { approve: codeOf(e) })}>
                <label>
                  {tx.code}
                  <input
                    name="code"
                    inputMode="numeric"
                    autoComplete="off"
                    pattern="\s*\d{3}\s*\d{3}\s*"
                    maxLength={7}
                    required
                    placeholder="000 000"
                    data-testid="pairing-code-input"
                  />
                </label>
                <button className="btn primary" type="submit" data-testid="pairing-approve">
                  {tx.approve}
                </button>
                <button className="btn" type="button" data-testid="pairing-reject" onClick={() => void decide(s, 'reject')}>
                  {tx.reject}
                </button>
              </form>
              {note && (
                <p
                  role={note.kind === 'error' ? 'alert' : 'status'}
                  className={`code-message ${note.kind === 'error' ? 'error' : ''}`}
                  data-testid="pairing-message"
                >
                  {tx[note.message]}
                </p>
              )}
            </li>
          )
        })}
      </ul>
    </main>
  )
}
