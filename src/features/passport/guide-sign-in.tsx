import { useState, type FormEvent } from 'react'
import { useT } from '../../i18n/lang-store.ts'
import type { AppKey } from '../../i18n/translate.ts'
import { loadGuideSession, saveGuideSession } from './guide-session.ts'
import { signIn, type ApiResult, type StaffSession } from './passport-api.ts'

/** The message for a failed guide request. */
export function problemKey(r: Exclude<ApiResult<unknown>, { ok: true }>): AppKey {
  if (r.kind === 'offline') return 'guide.offline'
  if (r.status === 401) return 'guide.signIn.bad'
  if (r.status === 429) return 'guide.tooMany'
  return 'guide.failed'
}

/**
 * Name and password of a guide account (made by an admin with `npm run admin -- create-user`).
 * The session is kept for the tab (sessionStorage) unless `keep` is false: a shared station's
 * setup screen uses the sign-in once and must not leave it behind for the next student.
 */
export function SignIn(props: { onSession(s: StaffSession): void; keep?: boolean }) {
  const t = useT()
  const [error, setError] = useState<AppKey | null>(null)
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    const r = await signIn(String(f.get('name') ?? ''), String(f.get('password') ?? ''))
    if (!r.ok) {
      setError(problemKey(r))
      return
    }
    if (props.keep !== false) saveGuideSession(r.data)
    props.onSession(r.data)
  }
  return (
    <form className="guide-form" data-testid="guide-signin" onSubmit={(e) => void submit(e)}>
      <h2>{t('guide.signIn.title')}</h2>
      <label>
        {t('guide.signIn.name')}
        <input name="name" autoComplete="username" required data-testid="guide-name" />
      </label>
      <label>
        {t('guide.signIn.password')}
        <input name="password" type="password" autoComplete="current-password" required data-testid="guide-password" />
      </label>
      <button className="btn primary" type="submit" data-testid="guide-signin-submit">
        {t('guide.signIn.submit')}
      </button>
      {error && (
        <p role="alert" className="code-message error">
          {t(error)}
        </p>
      )}
    </form>
  )
}

/** The guide's session for this tab, with sign-in shown in its place until there is one. */
export function useGuide(): [StaffSession | null, (s: StaffSession | null) => void] {
  const [session, setSession] = useState(() => loadGuideSession())
  return [
    session,
    (s) => {
      saveGuideSession(s)
      setSession(s)
    },
  ]
}
