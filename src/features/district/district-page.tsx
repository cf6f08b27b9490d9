import { useEffect, useState } from 'react'
import type { Cell, Column } from '../../core/dashboard.ts'
import {
  DISTRICT_VIEWS,
  type DistrictFilter,
  type DistrictOptions,
  type DistrictTable,
  type DistrictView,
  type DistrictYearlyReport,
} from '../../core/district.ts'
import { useLangStore } from '../../i18n/lang-store.ts'
import { DataTable } from '../dashboard/index.ts'
import type { ApiResult } from '../passport/index.ts'
import { downloadReportCsv, fetchOptions, fetchReport, fetchView, signIn, storeToken, storedToken } from './district-api.ts'
import { useDistrictT, type DistrictKey } from './texts.ts'

type Lang = 'zh-CN' | 'en'
type Load<T> = { status: 'loading' } | { status: 'error'; reason: string } | { status: 'ready'; data: T }

/** One request's answer; a change of `request` reads as loading until its own answer arrives. A 401 signs out. */
function useLoad<T>(request: string, get: () => Promise<ApiResult<T>>, onUnauthorized: () => void): Load<T> {
  const [load, setLoad] = useState<{ request: string; load: Load<T> } | null>(null)
  useEffect(() => {
    let live = true
    void get().then((r) => {
      if (!live) return
      if (!r.ok && r.kind === 'http' && r.status === 401) onUnauthorized()
      setLoad({
        request,
        load: r.ok ? { status: 'ready', data: r.data } : { status: 'error', reason: r.kind === 'offline' ? 'offline' : [r.error, ...r.reasons].join('; ') },
      })
    })
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `request` stands for everything `get` reads
  }, [request])
  return load?.request === request ? load.load : { status: 'loading' }
}

function SignIn(props: { onToken(token: string): void }) {
  const t = useDistrictT()
  const [user, setUser] = useState('')
  const [password, setPassword] = useState('')
  const [problem, setProblem] = useState<DistrictKey | null>(null)
  async function submit(e: React.FormEvent) {
    e.preventDefault()
    const r = await signIn(user.trim(), password)
    if (r.ok) {
      storeToken(r.data)
      props.onToken(r.data.token)
    } else setProblem(r.kind === 'offline' ? 'signin.offline' : 'signin.failed')
  }
  return (
    <form className="guide-form" onSubmit={(e) => void submit(e)} data-testid="district-sign-in">
      <h2>{t('signin.title')}</h2>
      <label>
        {t('signin.user')} <input value={user} onChange={(e) => setUser(e.target.value)} autoComplete="username" required />
      </label>
      <label>
        {t('signin.password')} <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required />
      </label>
      <button className="btn primary" type="submit">
        {t('signin.submit')}
      </button>
      {problem && <p role="alert">{t(problem)}</p>}
    </form>
  )
}

const show = (c: Column, v: Cell, t: ReturnType<typeof useDistrictT>) =>
  v === null ? '—' : c.kind === 'ms' && typeof v === 'number' ? t('minutes', { n: (v / 60_000).toFixed(1) }) : String(v)

function TableView(props: { columns: Column[]; rows: Record<string, Cell>[]; lang: Lang; testId: string }) {
  const t = useDistrictT()
  if (props.rows.length === 0) return <p className="hint">{t('empty')}</p>
  return <DataTable columns={props.columns} rows={props.rows} lang={props.lang} testId={props.testId} show={(c, v) => show(c, v, t)} />
}

function ViewSection(props: { view: DistrictView; filter: DistrictFilter; lang: Lang; token: string; onUnauthorized(): void }) {
  const t = useDistrictT()
  const load = useLoad<DistrictTable>(
    JSON.stringify([props.view, props.filter, props.lang, props.token]),
    () => fetchView(props.view, props.filter, props.lang, props.token),
    props.onUnauthorized,
  )
  return (
    <section className="dash-view" data-testid={`district-view-${props.view}`} data-status={load.status}>
      <h3>{t(`view.${props.view}`)}</h3>
      {load.status === 'loading' && <p className="hint">{t('loading')}</p>}
      {load.status === 'error' && <p role="alert">{t('error', { reason: load.reason })}</p>}
      {load.status === 'ready' && <TableView columns={load.data.columns} rows={load.data.rows} lang={props.lang} testId={`district-table-${props.view}`} />}
    </section>
  )
}

function ReportSection(props: { lang: Lang; token: string; onUnauthorized(): void }) {
  const t = useDistrictT()
  const [year, setYear] = useState(new Date().getFullYear())
  const load = useLoad<DistrictYearlyReport>(`${year}\n${props.token}`, () => fetchReport(year, props.token), props.onUnauthorized)
  const cols: Column[] = (['openDays', 'exhibitVisits', 'completions', 'students', 'walkInVisits'] as const).map((key) => ({
    key,
    kind: 'count',
    label: {
      'zh-CN': { openDays: '开放天数', exhibitVisits: '展项体验人次', completions: '完成次数', students: '学生（护照）', walkInVisits: '散客人次' }[key],
      en: {
        openDays: 'Open days',
        exhibitVisits: 'Exhibit visits',
        completions: 'Completions',
        students: 'Students (passports)',
        walkInVisits: 'Walk-in visits',
      }[key],
    },
  }))
  const columns: Column[] = [{ key: 'name', kind: 'text', label: { 'zh-CN': '科普馆', en: 'Center' } }, ...cols]
  return (
    <section className="dash-view" data-testid="district-report" data-status={load.status}>
      <h3>{t('report.title')}</h3>
      <label>
        {t('report.year')}{' '}
        <input type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(Number(e.target.value))} data-testid="district-report-year" />
      </label>{' '}
      <button className="btn" disabled={load.status !== 'ready'} onClick={() => void downloadReportCsv(year, props.lang, props.token)}>
        {t('report.csv')}
      </button>
      <p className="hint">{t('report.note')}</p>
      {load.status === 'error' && <p role="alert">{t('error', { reason: load.reason })}</p>}
      {load.status === 'ready' && (
        <TableView
          columns={columns}
          rows={[...load.data.centers, { ...load.data.total, name: t('report.total', { n: load.data.total.centers }) }]}
          lang={props.lang}
          testId="district-report-table"
        />
      )}
    </section>
  )
}

/** /district — the district admin's page, served by the district server (docs/district.md): every view over all centers, the yearly report. */
export function DistrictPage() {
  const t = useDistrictT()
  const lang = useLangStore((s) => s.lang)
  const [token, setToken] = useState<string | null>(storedToken)
  const [filter, setFilter] = useState<DistrictFilter>({ bucket: 'month' })
  const signOut = () => {
    storeToken(null)
    setToken(null)
  }
  const options = useLoad<DistrictOptions>(token ?? '', async () => (token ? fetchOptions(token) : { ok: false, kind: 'offline' }), signOut)
  if (!token)
    return (
      <main className="guide-page">
        <SignIn onToken={setToken} />
      </main>
    )
  const set = (k: keyof DistrictFilter, v: string) => setFilter((f) => ({ ...f, [k]: v || undefined }))
  return (
    <main className="guide-page dash-page" data-testid="district-page">
      <h2>{t('title')}</h2>
      <p>{t('intro')}</p>
      <p className="hint">{t('notClassLists')}</p>
      <button className="btn" onClick={signOut}>
        {t('signout')}
      </button>
      <div className="dash-filter">
        <label>
          {t('filter.center')}{' '}
          <select value={filter.center ?? ''} onChange={(e) => set('center', e.target.value)} data-testid="district-center">
            <option value="">{t('filter.all')}</option>
            {options.status === 'ready' &&
              options.data.centers.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
          </select>
        </label>
        <label>
          {t('filter.from')} <input type="date" value={filter.from ?? ''} onChange={(e) => set('from', e.target.value)} />
        </label>
        <label>
          {t('filter.to')} <input type="date" value={filter.to ?? ''} onChange={(e) => set('to', e.target.value)} />
        </label>
        <label>
          {t('filter.bucket')}{' '}
          <select value={filter.bucket ?? 'month'} onChange={(e) => set('bucket', e.target.value)}>
            {(['day', 'week', 'month'] as const).map((b) => (
              <option key={b} value={b}>
                {t(`bucket.${b}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {DISTRICT_VIEWS.map((v) => (
        <ViewSection key={v} view={v} filter={filter} lang={lang} token={token} onUnauthorized={signOut} />
      ))}
      <ReportSection lang={lang} token={token} onUnauthorized={signOut} />
    </main>
  )
}
