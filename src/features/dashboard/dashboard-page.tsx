import { useEffect, useState, type FormEvent } from 'react'
import { BUCKETS, DASHBOARD_VIEWS, STATION_KINDS, type DashboardOptions } from '../../core/dashboard.ts'
import type { Registry } from '../../core/registry.ts'
import { useLangStore } from '../../i18n/lang-store.ts'
import { GuideSignIn, useGuide } from '../passport/index.ts'
import { downloadEvents, fetchOptions } from './dashboard-api.ts'
import { loadEcharts } from './echarts-loader.ts'
import { useDashT } from './texts.ts'
import { readFilter, writeFilter } from './url-filter.ts'
import { ViewSection } from './view-section.tsx'
import './dashboard.css'

function Select(props: { name: string; label: string; value: string | undefined; any: string; options: readonly (readonly [string, string])[] }) {
  return (
    <label>
      {props.label}
      <select name={props.name} defaultValue={props.value ?? ''} data-testid={`filter-${props.name}`}>
        <option value="">{props.any}</option>
        {props.options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  )
}

/** The year a filter's start date falls in (`YYYY-MM-DD`), else this year. */
export function reportYear(from: string | undefined): number {
  const y = Number(from?.slice(0, 4))
  return Number.isInteger(y) && y >= 2000 ? y : new Date().getFullYear()
}

/**
 * `/admin/dashboard` for a signed-in guide or admin: the filters (kept in the URL), then each
 * view's chart and table. Exports are offered to admins only (the server enforces it too).
 */
export function DashboardPage(props: { search: string; registry: Registry; go(path: string): void }) {
  const t = useDashT()
  const lang = useLangStore((s) => s.lang)
  const [session, setSession] = useGuide()
  const [options, setOptions] = useState<DashboardOptions | null>(null)
  const [eventsMsg, setEventsMsg] = useState<string | null>(null)
  const filter = readFilter(props.search)
  const token = session?.token
  useEffect(() => {
    if (!token) return
    // Signed in (or opened in the app, not by address): ECharts loads while the views are counted.
    void loadEcharts().catch(() => {}) // a chart that cannot load says so itself
    let live = true
    void fetchOptions(token).then((r) => {
      if (!live) return
      if (r.ok) setOptions(r.data)
      else if (r.kind === 'http' && r.status === 401) setSession(null)
    })
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- setSession is a fresh closure each render
  }, [token])

  if (!session)
    return (
      <main className="guide-page">
        <GuideSignIn onSession={setSession} />
      </main>
    )
  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    const q = new URLSearchParams()
    for (const [k, v] of f) if (typeof v === 'string' && v !== '') q.set(k, v)
    props.go(`/admin/dashboard?${writeFilter(readFilter(q.toString()))}`)
  }
  const linkYear = reportYear(filter.from)
  const title = (id: string) => props.registry.exhibits.find((e) => e.id === id)?.manifest.title[lang] ?? id
  return (
    <main className="guide-page dash-page" data-testid="dashboard" data-status={options ? 'ready' : 'loading'} data-role={session.role}>
      <h2>{t('title')}</h2>
      <p>{t('intro')}</p>
      {/* the report of the year the filter starts in (this year without one): what the programme asks for, one tap away */}
      <p className="hint">
        <a href={`/admin/report/${linkYear}`} data-testid="link-report">
          {t('nav.report', { year: linkYear })}
        </a>
      </p>
      <form className="dash-filter" onSubmit={apply} key={`${props.search}#${options ? 1 : 0}`} data-testid="dashboard-filter">
        <label>
          {t('filter.from')}
          <input type="date" name="from" defaultValue={filter.from ?? ''} data-testid="filter-from" />
        </label>
        <label>
          {t('filter.to')}
          <input type="date" name="to" defaultValue={filter.to ?? ''} data-testid="filter-to" />
        </label>
        <Select
          name="school"
          label={t('filter.school')}
          value={filter.school}
          any={t('filter.any')}
          options={(options?.schools ?? []).map((s) => [s, s] as const)}
        />
        <Select
          name="grade"
          label={t('filter.grade')}
          value={filter.grade}
          any={t('filter.any')}
          options={(options?.grades ?? []).map((s) => [s, s] as const)}
        />
        <Select
          name="session"
          label={t('filter.session')}
          value={filter.session}
          any={t('filter.any')}
          options={(options?.sessions ?? []).map((s) => [s.id, `${s.day} ${s.school} ${s.grade}${s.className}`] as const)}
        />
        <Select
          name="exhibit"
          label={t('filter.exhibit')}
          value={filter.exhibit}
          any={t('filter.any')}
          options={(options?.exhibits ?? []).map((id) => [id, title(id)] as const)}
        />
        <Select
          name="kind"
          label={t('filter.kind')}
          value={filter.kind}
          any={t('filter.any')}
          options={STATION_KINDS.map((k) => [k, t(`kind.${k}`)] as const)}
        />
        <label>
          {t('filter.bucket')}
          <select name="bucket" defaultValue={filter.bucket ?? 'day'} data-testid="filter-bucket">
            {BUCKETS.map((b) => (
              <option key={b} value={b}>
                {t(`bucket.${b}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="form-buttons">
          <button className="btn primary" type="submit" data-testid="filter-apply">
            {t('filter.apply')}
          </button>
          <button className="btn" type="button" onClick={() => props.go('/admin/dashboard')}>
            {t('filter.clear')}
          </button>
          <button className="btn" type="button" onClick={() => setSession(null)}>
            {t('signOut')}
          </button>
        </div>
      </form>
      {session.role === 'admin' && (
        <section className="dash-events" data-testid="events-export">
          <button
            className="btn"
            type="button"
            data-testid="export-events"
            disabled={!filter.from || !filter.to}
            onClick={() => {
              if (!filter.from || !filter.to) return
              setEventsMsg(null)
              void downloadEvents(filter.from, filter.to, lang, session.token).then((r) =>
                setEventsMsg(r.ok ? t('export.done', { name: r.data }) : r.kind === 'http' && r.status === 413 ? t('events.tooMany') : t('export.failed')),
              )
            }}
          >
            {t('events.export')}
          </button>
          <p className="hint">{filter.from && filter.to ? t('events.hint') : t('events.needRange')}</p>
          {eventsMsg && (
            <p className="hint" role="status" data-testid="events-export-msg">
              {eventsMsg}
            </p>
          )}
        </section>
      )}
      {DASHBOARD_VIEWS.map((v) => (
        <ViewSection
          key={v}
          view={v}
          filter={filter}
          lang={lang}
          token={session.token}
          admin={session.role === 'admin'}
          onUnauthorized={() => setSession(null)}
        />
      ))}
    </main>
  )
}
