import { useEffect, useState, type FormEvent } from 'react'
import { useT } from '../../i18n/lang-store.ts'
import type { AppKey } from '../../i18n/translate.ts'
import { problemKey, SignIn, useGuide } from './guide-sign-in.tsx'
import { fetchBatch, issueBatch, type Batch } from './passport-api.ts'
import { PassportDataBox } from './passport-data-box.tsx'
import { PrintSheet } from './print-sheet.tsx'

/**
 * Issue a class set: school, grade, class and headcount. One request id per filled-in
 * form, so a double tap or a retry after a timeout gets the same batch, not two.
 */
export function GuidePassportsPage(props: { onIssued(batchId: string): void }) {
  const t = useT()
  const [session, setSession] = useGuide()
  const [requestId] = useState(() => crypto.randomUUID())
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppKey | null>(null)
  if (!session)
    return (
      <main className="guide-page">
        <SignIn onSession={setSession} />
      </main>
    )

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    if (!session) return
    const f = new FormData(e.currentTarget)
    setBusy(true)
    const r = await issueBatch(
      {
        requestId,
        school: String(f.get('school') ?? '').trim(),
        grade: String(f.get('grade') ?? '').trim(),
        className: String(f.get('className') ?? '').trim(),
        count: Number(f.get('count')),
      },
      session.token,
    )
    setBusy(false)
    if (r.ok) {
      props.onIssued(r.data.batchId)
      return
    }
    if (r.kind === 'http' && r.status === 401) setSession(null)
    setError(problemKey(r))
  }
  return (
    <main className="guide-page" data-testid="guide-passports">
      <form className="guide-form" data-testid="issue-form" onSubmit={(e) => void submit(e)}>
        <h2>{t('guide.issue.title')}</h2>
        <p>{t('guide.issue.intro')}</p>
        <label>
          {t('guide.issue.school')}
          <input name="school" required maxLength={60} data-testid="issue-school" />
        </label>
        <label>
          {t('guide.issue.grade')}
          <input name="grade" required maxLength={20} data-testid="issue-grade" />
        </label>
        <label>
          {t('guide.issue.className')}
          <input name="className" required maxLength={20} data-testid="issue-class" />
        </label>
        <label>
          {t('guide.issue.count')}
          <input name="count" type="number" required min={1} max={60} defaultValue={40} data-testid="issue-count" />
        </label>
        <button className="btn primary" type="submit" disabled={busy} data-testid="issue-submit">
          {t('guide.issue.submit')}
        </button>
        {error && (
          <p role="alert" className="code-message error">
            {t(error)}
          </p>
        )}
        <p className="hint">
          {t('guide.signedInAs', { name: session.name })}{' '}
          <button type="button" className="btn" onClick={() => setSession(null)}>
            {t('guide.signOut')}
          </button>
        </p>
        {session.role === 'admin' && (
          // Admin pages, for admins only (the server refuses guides anyway).
          <nav className="hint" data-testid="admin-links">
            <a href="/admin/users" data-testid="admin-users-link">
              {t('admin.users.link')}
            </a>{' '}
            · <a href="/admin/certificate">{t('admin.certificate.link')}</a>
          </nav>
        )}
      </form>
      <PassportDataBox token={session.token} onUnauthorized={() => setSession(null)} />
    </main>
  )
}

/** The print sheet of one batch (also a reprint: the server keeps the batch). */
export function BatchPrintPage(props: { batchId: string }) {
  const t = useT()
  const [session, setSession] = useGuide()
  const [batch, setBatch] = useState<Batch | null>(null)
  const [error, setError] = useState<AppKey | null>(null)
  const token = session?.token
  useEffect(() => {
    if (!token) return
    let live = true
    void fetchBatch(props.batchId, token).then((r) => {
      if (!live) return
      if (r.ok) setBatch(r.data)
      else if (r.kind === 'http' && r.status === 403) setError('guide.notYours')
      else setError(r.kind === 'http' && r.status === 404 ? 'guide.batchNotFound' : problemKey(r))
    })
    return () => {
      live = false
    }
  }, [props.batchId, token])
  if (!session)
    return (
      <main className="guide-page">
        <SignIn onSession={setSession} />
      </main>
    )
  return (
    <main className="guide-page print-page" data-testid="batch-print" data-status={batch ? 'ready' : error ? 'error' : 'loading'}>
      <div className="no-print print-toolbar">
        {batch && <p>{t('guide.print.summary', { school: batch.school, grade: batch.grade, className: batch.className, n: batch.passports.length })}</p>}
        {error && <p role="alert">{t(error)}</p>}
        {batch && (
          <button className="btn primary" onClick={() => window.print()} data-testid="print-button">
            {t('guide.print.button')}
          </button>
        )}
        <p className="hint">{t('guide.print.hint')}</p>
      </div>
      {batch && <PrintSheet batch={batch} />}
    </main>
  )
}
