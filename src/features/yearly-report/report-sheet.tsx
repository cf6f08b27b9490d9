import type { YearlyReport } from '../../core/yearly-report.ts'
import { countedLabel, reportTables, reportTitle, type ReportLang } from '../../core/yearly-report-tables.ts'
import { useT } from '../../i18n/lang-store.ts'

const LOCALE: Record<ReportLang, string> = { 'zh-CN': 'zh-CN', en: 'en-GB' }
const COLON: Record<ReportLang, string> = { 'zh-CN': '：', en: ': ' }

/**
 * The report as printed: a header (center, year, when counted, when printed) and the four
 * tables from core's reportTables, the same cells the CSV and XLSX hold. Numbers carry
 * data-value so a test can read them without parsing localised text.
 */
export function ReportSheet(props: { report: YearlyReport; lang: ReportLang; printedAt: Date }) {
  const t = useT()
  const { report, lang } = props
  const date = (d: Date, time: boolean) =>
    d.toLocaleString(LOCALE[lang], { year: 'numeric', month: 'long', day: 'numeric', ...(time ? { hour: '2-digit', minute: '2-digit' } : {}) })
  return (
    <article className="report-sheet" data-testid="report-sheet" data-year={report.year}>
      <header className="report-head">
        <p className="report-center" data-testid="report-center">
          {report.centerName}
        </p>
        <h2>{reportTitle(report.year, lang)}</h2>
        <p className="report-dates">
          <span>
            {countedLabel(lang)}
            {COLON[lang]}
            {date(new Date(report.generatedAt), true)}
          </span>
          <span>
            {t('report.printed')}
            {COLON[lang]}
            {date(props.printedAt, false)}
          </span>
        </p>
      </header>
      {reportTables(report, lang).map((table) => (
        <section key={table.id} className={`report-block report-${table.id}`}>
          <h3>{table.title}</h3>
          <table data-testid="report-table" data-table={table.id}>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.key} data-row={row.key}>
                  {row.cells.map((cell, i) =>
                    i === 0 ? (
                      <th key={i} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={i} data-col={i} data-value={cell} className={typeof cell === 'number' ? 'num' : 'suppressed'}>
                        {typeof cell === 'number' ? cell.toLocaleString(LOCALE[lang]) : cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          {table.notes.map((n) => (
            <p key={n} className="report-note">
              {n}
            </p>
          ))}
        </section>
      ))}
    </article>
  )
}
