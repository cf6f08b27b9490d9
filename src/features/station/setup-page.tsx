import { useEffect, useEffectEvent, useState, type FormEvent, type ReactNode } from 'react'
import { useLangStore } from '../../i18n/lang-store.ts'
import { STATION_KINDS, type StationKind } from '../../core/station-live.ts'
import { GuideSignIn } from '../passport/index.ts'
import { useLiveStation } from './live-store.ts'
import { joinByCode, saveProfile, saveProfileBySetupToken, setupTokenFromHash } from './station-api.ts'
import { useStationText, type StationTextKey } from './texts.ts'

export interface SetupProps {
  stationId: string
  /** this station's token (enrolling first when it has none) */
  stationToken(): Promise<string | null>
  exhibits: { id: string; title: { 'zh-CN': string; en: string } }[]
  onJoined(): void
  /** More settings for this device (kiosk mode), shown once a guide signed in here */
  children?: ReactNode
}

/**
 * The station setup screen (`/station/setup`, also what the console's setup QR opens): a
 * guide or admin signs in on the device — the sign-in is kept in this page only, never on
 * the shared station — then names the station, picks its kind and the exhibits it offers.
 * The setup QR carries a one-time setup token (`#setup=…`) that takes the sign-in's place.
 */
export function StationSetupPage(props: SetupProps) {
  const t = useStationText()
  const lang = useLangStore((s) => s.lang)
  const profile = useLiveStation((s) => s.profile)
  const [guide, setGuide] = useState<string | null>(null)
  const [setupToken, setSetupToken] = useState(() => setupTokenFromHash(location.hash))
  useEffect(() => {
    // Out of the address bar and history at once: it is spent on the first save anyway.
    if (location.hash) history.replaceState(history.state, '', location.pathname + location.search)
  }, [])
  const [message, setMessage] = useState<StationTextKey | null>(null)

  async function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    if (!guide && !setupToken) return
    const f = new FormData(e.currentTarget)
    const next = { name: String(f.get('name') ?? '').trim(), kind: String(f.get('kind')) as StationKind, offered: f.getAll('offered').map(String) }
    // The station must be enrolled before the server can hold its profile.
    const station = await props.stationToken()
    let ok = false
    if (station && guide) ok = await saveProfile(props.stationId, next, guide)
    else if (station && setupToken) {
      const r = await saveProfileBySetupToken(setupToken, next, station)
      // One use: saved or not, a spent token cannot be tried again.
      if (r !== 'failed') setSetupToken(null)
      if (r === 'spent') return setMessage('setup.qrUsed')
      ok = r === 'saved'
    }
    if (ok) useLiveStation.setState({ profile: next })
    setMessage(ok ? 'setup.saved' : 'setup.failed')
  }
  async function join(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const code = String(new FormData(e.currentTarget).get('code') ?? '').trim()
    const token = await props.stationToken()
    const id = token ? await joinByCode(code, token) : null
    if (id) props.onJoined()
    else setMessage('join.failed')
  }

  return (
    <main className="guide-page station-setup" data-testid="station-setup">
      <h2>{t('setup.title')}</h2>
      <p>{t('setup.intro')}</p>
      {setupToken && !guide && (
        <p className="hint" data-testid="setup-by-qr">
          {t('setup.byQr')}
        </p>
      )}
      {!guide && !setupToken ? (
        <div data-testid="setup-signin">
          <GuideSignIn keep={false} onSession={(s) => setGuide(s.token)} />
        </div>
      ) : (
        <form className="guide-form" onSubmit={(e) => void save(e)} data-testid="setup-form">
          <label>
            {t('setup.name')}
            <input name="name" required maxLength={40} defaultValue={profile?.name ?? ''} data-testid="setup-name" />
          </label>
          <fieldset>
            <legend>{t('setup.kind')}</legend>
            {STATION_KINDS.map((k) => (
              <label key={k}>
                <input type="radio" name="kind" value={k} required defaultChecked={profile?.kind === k} data-testid={`setup-kind-${k}`} />
                {t(`kind.${k}`)}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('setup.offered')}</legend>
            {props.exhibits.map((x) => (
              <label key={x.id}>
                <input type="checkbox" name="offered" value={x.id} defaultChecked={profile?.offered.includes(x.id)} data-testid={`setup-offer-${x.id}`} />
                {x.title[lang]}
              </label>
            ))}
          </fieldset>
          <button className="btn primary" type="submit" data-testid="setup-save">
            {t('setup.save')}
          </button>
        </form>
      )}
      {(guide || setupToken) && props.children}
      <form className="guide-form" onSubmit={(e) => void join(e)} data-testid="setup-join">
        <label>
          {t('setup.joinCode')}
          <input name="code" required minLength={4} maxLength={12} autoCapitalize="characters" data-testid="setup-join-code" />
        </label>
        <button className="btn" type="submit" data-testid="setup-join-submit">
          {t('setup.join')}
        </button>
      </form>
      {message && (
        <p role="status" data-testid="setup-message" data-message={message}>
          {t(message, { name: profile?.name ?? '' })}
        </p>
      )}
    </main>
  )
}

/** `/station/join/<code>`: what the session QR opens on a station; joins, then the lobby. */
export function StationJoinPage(props: { code: string; stationToken(): Promise<string | null>; onJoined(): void }) {
  const t = useStationText()
  const [state, setState] = useState<'joining' | 'failed'>('joining')
  const { code, stationToken } = props
  const onJoined = useEffectEvent(() => props.onJoined())
  useEffect(() => {
    let live = true
    // Joining twice (StrictMode runs this twice in development) is harmless: the server keeps one.
    void (async () => {
      const token = await stationToken()
      const id = token ? await joinByCode(code, token) : null
      if (!live) return
      if (id) onJoined()
      else setState('failed')
    })()
    return () => {
      live = false
    }
  }, [code, stationToken])
  return (
    <main className="guide-page" data-testid="station-join" data-status={state}>
      <p role="status">{t(state === 'joining' ? 'join.joining' : 'join.failed')}</p>
    </main>
  )
}
