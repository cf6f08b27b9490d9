import { useState, type FormEvent } from 'react'
import { loadGuideSession, saveGuideSession, signIn, type StaffSession } from '../passport/index.ts'
import { useConsoleText, type ConsoleKey } from './texts.ts'

/** The guide's sign-in for this tab (sessionStorage, shared with the passport pages). */
export function useGuideSession(): [StaffSession | null, (s: StaffSession | null) => void] {
  const [session, setSession] = useState(() => loadGuideSession())
  return [
    session,
    (s) => {
      saveGuideSession(s)
      setSession(s)
    },
  ]
}

export function ConsoleSignIn(props: { onSession(s: StaffSession): void }) {
  const t = useConsoleText()
  const [error, setError] = useState<ConsoleKey | null>(null)
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    const r = await signIn(String(f.get('name') ?? ''), String(f.get('password') ?? ''))
    if (r.ok) props.onSession(r.data)
    else setError(r.kind === 'offline' ? 'console.offline' : 'console.bad')
  }
  return (
    <main className="guide-page console">
      <form className="guide-form" data-testid="console-signin" onSubmit={(e) => void submit(e)}>
        <h2>{t('console.signIn')}</h2>
        <label>
          {t('console.name')}
          <input name="name" autoComplete="username" required data-testid="console-name" />
        </label>
        <label>
          {t('console.password')}
          <input name="password" type="password" autoComplete="current-password" required data-testid="console-password" />
        </label>
        <button className="btn primary" type="submit" data-testid="console-signin-submit">
          {t('console.submit')}
        </button>
        {error && (
          <p role="alert" className="code-message error">
            {t(error)}
          </p>
        )}
      </form>
    </main>
  )
}
