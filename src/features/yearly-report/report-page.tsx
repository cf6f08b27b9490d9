import { useEffect, useState } from 'react'
import { ReportYearSchema, type YearlyReport } from '../../core/yearly-report.ts'
import { useLangStore, useT } from '../../i18n/lang-store.ts'
import type { AppKey } from '../../i18n/translate.ts'
import { GuideSignIn, guideProblemKey, useGuide } from '../passport/index.ts'
import { downloadReport, fetchYearlyReport, type ReportFile } from './report-api.ts'
import { ReportSheet } from './report-sheet.tsx'
import './yearly-report.css'

type Load = { status: 'loading' } | { status: 'error'; key: AppKey; reasons: string[]; unauthorized: boolean } | { status: 'ready'; report: YearlyReport }

/** The report of `year`; a new year or sign-in reads as loading until its own answer arrives. */
function useReport(year: number | null, token: string | undefined): Load {
  const request = `${year}\n${token ?? ''}`
  const [load, setLoad] = useState<{ request: string; load: Load } | null>(null)
  useEffect(() => {
    if (!token || year === null) return
    let live = true
    void fetchYearlyReport(year, token).then((r) => {
      if (!live) return
      if (r.ok) setLoad({ request, load: { status: 'ready', report: r.data } })
      else
        setLoad({
          request,
          load: {
            status: 'error',
            key: guideProblemKey(r),
            reasons: r.kind === 'http' ? r.reasons : [],
            unauthorized: r.kind === 'http' && r.status === 401,
          },
        })
    })
    return () => {
      live = false
    }
  }, [request, year, token])
  return load?.request === request ? load.load : { status: 'loading' }
}

/** The last ten years, and the one asked for if it is older. */
function yearChoices(year: number | null): number[] {
  const now = new Date().getFullYear()
  const years = Array.from({ length: 10 }, (_, i) => now - i)
  return year !== null && !years.includes(year) ? [...years, year].sort((a, b) => b - a) : years
}

/**
 * /admin/report/:year — the yearly programme report for guides and admins: pick a year, read
 * the tables, print them on A4 (print styles drop the app around them) or download CSV / XLSX.
 */
export function YearlyReportPage(props: { year: string; onYear(year: number): void }) {
  const t = useT()
  const lang = useLangStore((s) => s.lang)
  const [session, setSession] = useGuide()
  const parsed = ReportYearSchema.safeParse(props.year)
  const year = parsed.success ? parsed.data : null
  const load = useReport(year, session?.token)
  const [downloadFailed, setDownloadFailed] = useState(false)

  if (!session || (load.status === 'error' && load.unauthorized))
    return (
      <main className="guide-page">
        <GuideSignIn onSession={setSession} />
      </main>
    )
  async function download(kind: ReportFile) {
    if (!session || year === null) return
    setDownloadFailed(!(await downloadReport(year, kind, lang, session.token)))
  }
  const ready = load.status === 'ready' && year !== null
  return (
    <main className="guide-page report-page" data-testid="yearly-report" data-status={year === null ? 'error' : load.status}>
      <div className="no-print report-toolbar">
        <h2>{t('report.title')}</h2>
        <p>{t('report.intro')}</p>
        {year !== null && (
          <p>
            <a href={`/admin/dashboard?from=${year}-01-01&to=${year}-12-31`} data-testid="link-dashboard">
              {t('nav.dashboard')}
            </a>
          </p>
        )}
        <div className="report-actions">
          <label>
            {t('report.year')}{' '}
            <select value={year ?? ''} onChange={(e) => props.onYear(Number(e.target.value))} data-testid="report-year">
              {year === null && <option value="" />}
              {yearChoices(year).map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <button className="btn primary" disabled={!ready} onClick={() => window.print()} data-testid="report-print">
            {t('report.print')}
          </button>
          <button className="btn" disabled={!ready} onClick={() => void download('csv')} data-testid="report-csv">
            {t('report.csv')}
          </button>
          <button className="btn" disabled={!ready} onClick={() => void download('xlsx')} data-testid="report-xlsx">
            {t('report.xlsx')}
          </button>
        </div>
        <p className="hint">{t('report.printHint')}</p>
        {downloadFailed && <p role="alert">{t('report.downloadFailed')}</p>}
        {year === null && <p role="alert">{t('report.badYear')}</p>}
        {year !== null && load.status === 'loading' && <p>{t('passport.loading')}</p>}
        {load.status === 'error' && (
          <p role="alert" data-testid="report-error">
            {t(load.key)} {load.reasons.join('; ')}
          </p>
        )}
      </div>
      {load.status === 'ready' && <ReportSheet report={load.report} lang={lang} printedAt={new Date()} />}
    </main>
  )
}
