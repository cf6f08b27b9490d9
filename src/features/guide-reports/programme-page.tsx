import { useEffect, useState, type FormEvent } from 'react'
import { ACTIVITY_TYPES, ActivityTypeSchema, type Activity, type ActivityFilter, type ActivityInput, type ActivityList } from '../../core/programme.ts'
import { useT } from '../../i18n/lang-store.ts'
import type { AppKey } from '../../i18n/translate.ts'
import { GuideSignIn, guideProblemKey, useGuide, type ApiResult } from '../passport/index.ts'
import { ActivityForm } from './activity-form.tsx'
import { createActivity, deleteActivity, listActivities, updateActivity } from './reports-api.ts'
import './reports.css'

function readFilter(f: FormData): ActivityFilter | null {
  const s = (k: string) => String(f.get(k) ?? '').trim() || undefined
  const type = ActivityTypeSchema.safeParse(f.get('type'))
  const filter = { from: s('from'), to: s('to'), type: type.success ? type.data : undefined, q: s('q') }
  return filter.from && filter.to && filter.from > filter.to ? null : filter
}

function ActivityRow(props: { a: Activity; admin: boolean; onEdit(): void; onDelete(): void }) {
  const t = useT()
  const [confirming, setConfirming] = useState(false)
  const { a } = props
  return (
    <li className="activity" data-testid="activity" data-id={a.id} data-type={a.type}>
      <p className="activity-head">
        <span className="activity-date">{a.date}</span> <span className="tag">{t(`programme.type.${a.type}` as const)}</span> <strong>{a.topic}</strong>
      </p>
      <p className="hint">{t('programme.line', { minutes: a.durationMinutes, audience: a.audience, hours: a.volunteerHours, guides: a.guides || '–' })}</p>
      <div className="form-buttons">
        <button className="btn" onClick={props.onEdit} data-testid="activity-edit">
          {t('programme.editButton')}
        </button>
        {props.admin && !confirming && (
          <button className="btn" onClick={() => setConfirming(true)} data-testid="activity-delete">
            {t('programme.delete')}
          </button>
        )}
        {confirming && (
          <span className="confirm">
            {t('programme.confirmDelete', { topic: a.topic })}{' '}
            <button className="btn primary" onClick={props.onDelete} data-testid="activity-delete-confirm">
              {t('programme.delete')}
            </button>{' '}
            <button className="btn" onClick={() => setConfirming(false)}>
              {t('programme.cancel')}
            </button>
          </span>
        )}
      </div>
    </li>
  )
}

/**
 * The programme log on a tablet: filters and totals (what the yearly report counts), the list,
 * and a form to add or edit; admins may delete.
 */
export function ProgrammePage() {
  const t = useT()
  const [session, setSession] = useGuide()
  const [filter, setFilter] = useState<ActivityFilter>({})
  const [list, setList] = useState<ActivityList | null>(null)
  const [editing, setEditing] = useState<Activity | null>(null)
  const [requestId, setRequestId] = useState(() => crypto.randomUUID())
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ key: AppKey; error: boolean } | null>(null)
  const [reload, setReload] = useState(0)
  const token = session?.token
  useEffect(() => {
    if (!token) return
    let live = true
    void listActivities(filter, token).then((r) => {
      if (!live) return
      if (r.ok) setList(r.data)
      else setMessage({ key: guideProblemKey(r), error: true })
    })
    return () => {
      live = false
    }
  }, [filter, token, reload])

  if (!session)
    return (
      <main className="guide-page">
        <GuideSignIn onSession={setSession} />
      </main>
    )
  const done = (r: ApiResult<unknown>, ok: AppKey) => {
    setBusy(false)
    if (r.ok) {
      setMessage({ key: ok, error: false })
      setReload((n) => n + 1)
      return true
    }
    if (r.kind === 'http' && r.status === 401) setSession(null)
    setMessage({ key: r.kind === 'http' && r.status === 403 ? 'programme.forbidden' : guideProblemKey(r), error: true })
    return false
  }
  async function save(input: ActivityInput) {
    if (!session) return
    setBusy(true)
    if (editing) {
      if (done(await updateActivity(editing.id, input, session.token), 'programme.saved')) setEditing(null)
    } else if (done(await createActivity({ ...input, requestId }, session.token), 'programme.saved')) setRequestId(crypto.randomUUID())
  }
  async function remove(a: Activity) {
    if (!session) return
    setBusy(true)
    done(await deleteActivity(a.id, session.token), 'programme.deleted')
  }
  function applyFilter(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const f = readFilter(new FormData(e.currentTarget))
    if (f) setFilter(f)
    setMessage(f ? null : { key: 'programme.error.range', error: true })
  }

  const thisYear = new Date().getFullYear()
  return (
    <main className="guide-page programme-page" data-testid="programme-page" data-status={list ? 'ready' : 'loading'}>
      <h2>{t('programme.title')}</h2>
      <p>{t('programme.intro')}</p>
      {/* what this log feeds: the year's report, one tap away */}
      <p>
        <a href={`/admin/report/${thisYear}`} data-testid="link-report">
          {t('nav.yearlyReport', { year: thisYear })}
        </a>
      </p>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'code-message error' : 'code-message'} data-testid="programme-message">
          {t(message.key)}
        </p>
      )}
      <div className="programme-columns">
        <section>
          <form className="programme-filter" data-testid="programme-filter" onSubmit={applyFilter}>
            <label>
              {t('programme.filter.from')}
              <input name="from" type="date" data-testid="filter-from" />
            </label>
            <label>
              {t('programme.filter.to')}
              <input name="to" type="date" data-testid="filter-to" />
            </label>
            <label>
              {t('programme.field.type')}
              <select name="type" defaultValue="" data-testid="filter-type">
                <option value="">{t('programme.filter.any')}</option>
                {ACTIVITY_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`programme.type.${type}` as const)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('programme.filter.q')}
              <input name="q" type="search" maxLength={60} data-testid="filter-q" />
            </label>
            <button className="btn" type="submit" data-testid="filter-apply">
              {t('programme.filter.apply')}
            </button>
          </form>
          {list && (
            <p className="programme-totals" data-testid="programme-totals" data-count={list.totals.count} data-participants={list.totals.participants}>
              {t('programme.totals', { count: list.totals.count, participants: list.totals.participants, hours: list.totals.volunteerHours })}
            </p>
          )}
          {list?.truncated && <p className="hint">{t('programme.truncated', { n: list.activities.length })}</p>}
          {list && list.activities.length === 0 && <p>{t('programme.none')}</p>}
          <ul className="activities">
            {list?.activities.map((a) => (
              <ActivityRow key={a.id} a={a} admin={session.role === 'admin'} onEdit={() => setEditing(a)} onDelete={() => void remove(a)} />
            ))}
          </ul>
        </section>
        <ActivityForm key={editing?.id ?? requestId} editing={editing} busy={busy} onSubmit={(a) => void save(a)} onCancel={() => setEditing(null)} />
      </div>
      <p className="hint">
        {t('guide.signedInAs', { name: session.name })}{' '}
        <button type="button" className="btn" onClick={() => setSession(null)}>
          {t('guide.signOut')}
        </button>
      </p>
    </main>
  )
}
