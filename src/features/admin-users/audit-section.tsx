import { useEffect, useState, type FormEvent } from 'react'
import type { AuditEntry, AuditQuery } from '../../core/user-admin.ts'
import { useLangStore, useT } from '../../i18n/lang-store.ts'
import type { AppKey } from '../../i18n/translate.ts'
import { guideProblemKey } from '../passport/index.ts'
import { listAudit } from './users-api.ts'

/** The access audit, newest first, filtered by user, passport code and dates (a page of 100, then "older"). */
export function AuditSection(props: { token: string; reload: number }) {
  const t = useT()
  const lang = useLangStore((s) => s.lang)
  const [query, setQuery] = useState<AuditQuery>({})
  const [entries, setEntries] = useState<AuditEntry[] | null>(null)
  const [next, setNext] = useState<number | null>(null)
  const [error, setError] = useState<AppKey | null>(null)
  useEffect(() => {
    let live = true
    void listAudit(query, props.token).then((r) => {
      if (!live) return
      if (r.ok) {
        setEntries((old) => (query.before && old ? [...old, ...r.data.entries] : r.data.entries))
        setNext(r.data.nextBefore)
        setError(null)
      } else setError(guideProblemKey(r))
    })
    return () => {
      live = false
    }
  }, [query, props.token, props.reload])

  function filter(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    const s = (k: string) => String(f.get(k) ?? '').trim() || undefined
    setQuery({ user: s('user'), passportCode: s('passportCode')?.replaceAll(/[\s-]/g, ''), from: s('from'), to: s('to') })
  }
  const target = (e: AuditEntry) => e.passportCode ?? e.targetUser ?? e.batchId ?? e.detail ?? ''
  // Details are roles ("guide", "guide→admin") or a class set's size: roles in the page's language.
  const detail = (d: string | null) =>
    (d ?? '')
      .split('→')
      .map((part) => (part === 'guide' || part === 'admin' ? t(`admin.role.${part}` as const) : part))
      .join(' → ')
  return (
    <section className="admin-audit" data-testid="audit" data-status={entries ? 'ready' : 'loading'}>
      <h3>{t('admin.audit.title')}</h3>
      <p className="hint">{t('admin.audit.intro')}</p>
      <form className="admin-filter" onSubmit={filter} data-testid="audit-filter">
        <label>
          {t('admin.audit.user')}
          <input name="user" maxLength={64} data-testid="audit-user" />
        </label>
        <label>
          {t('admin.audit.passport')}
          <input name="passportCode" maxLength={14} autoComplete="off" data-testid="audit-passport" />
        </label>
        <label>
          {t('admin.audit.from')}
          <input name="from" type="date" />
        </label>
        <label>
          {t('admin.audit.to')}
          <input name="to" type="date" />
        </label>
        <button className="btn" type="submit" data-testid="audit-apply">
          {t('admin.audit.apply')}
        </button>
      </form>
      {error && (
        <p role="alert" className="code-message error">
          {t(error)}
        </p>
      )}
      <ol className="admin-audit-list">
        {entries?.map((e) => (
          <li key={e.id} data-testid="audit-entry" data-action={e.action} data-user={e.user}>
            <span className="hint">{new Date(e.time).toLocaleString(lang)}</span> <strong>{e.user}</strong> (
            {t(`admin.role.${e.role === 'admin' ? 'admin' : 'guide'}` as const)}) {t(`admin.action.${e.action}` as const)} <code>{target(e)}</code>{' '}
            {detail(e.detail)}
          </li>
        ))}
      </ol>
      {entries?.length === 0 && <p>{t('admin.audit.none')}</p>}
      {next !== null && (
        <button className="btn" onClick={() => setQuery({ ...query, before: next })}>
          {t('admin.audit.older')}
        </button>
      )}
    </section>
  )
}
