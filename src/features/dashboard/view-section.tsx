import { useEffect, useMemo, useState } from 'react'
import type { Cell, Column, DashboardFilter, DashboardTable, DashboardView, ExportFormat } from '../../core/dashboard.ts'
import type { ApiResult } from '../passport/index.ts'
import { Chart } from './chart.tsx'
import { DataTable } from './data-table.tsx'
import { chartOption } from './chart-options.ts'
import { downloadExport, fetchView } from './dashboard-api.ts'
import { useDashT, type DashKey } from './texts.ts'

type Lang = 'zh-CN' | 'en'
type Load = { status: 'loading' } | { status: 'error'; key: DashKey; reason: string } | { status: 'ready'; table: DashboardTable }

const problem = (r: Exclude<ApiResult<unknown>, { ok: true }>): { key: DashKey; reason: string } =>
  r.kind === 'offline'
    ? { key: 'error.offline', reason: '' }
    : r.status === 403
      ? { key: 'error.forbidden', reason: '' }
      : { key: 'error', reason: [r.error, ...r.reasons].join('; ') }

/** A view's table for this filter and language; a change of either reads as loading again. */
function useView(view: DashboardView, filter: DashboardFilter, lang: Lang, token: string, onUnauthorized: () => void): Load {
  const request = JSON.stringify([view, filter, lang, token])
  const [load, setLoad] = useState<{ request: string; load: Load } | null>(null)
  useEffect(() => {
    let live = true
    void fetchView(view, filter, lang, token).then((r) => {
      if (!live) return
      if (!r.ok && r.kind === 'http' && r.status === 401) onUnauthorized()
      setLoad({ request, load: r.ok ? { status: 'ready', table: r.data } : { status: 'error', ...problem(r) } })
    })
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `request` stands for view, filter, lang and token
  }, [request])
  return load?.request === request ? load.load : { status: 'loading' }
}

function show(c: Column, v: Cell, t: ReturnType<typeof useDashT>): string {
  if (v === null) return ''
  if (c.kind === 'ms' && typeof v === 'number') return t('minutes', { n: (v / 60_000).toFixed(1) })
  return String(v)
}

/** One view: heading, chart, the table under it (suppressed cells as "—"), notes and, for admins, the exports. */
export function ViewSection(props: { view: DashboardView; filter: DashboardFilter; lang: Lang; token: string; admin: boolean; onUnauthorized(): void }) {
  const t = useDashT()
  const load = useView(props.view, props.filter, props.lang, props.token, props.onUnauthorized)
  const [exportMsg, setExportMsg] = useState<string | null>(null)
  const table = load.status === 'ready' ? load.table : null
  const option = useMemo(() => (table && table.rows.length > 0 ? chartOption(table, props.lang) : null), [table, props.lang])
  async function exportAs(format: ExportFormat) {
    const r = await downloadExport(props.view, props.filter, props.lang, format, props.token)
    setExportMsg(r.ok ? t('export.done', { name: r.data }) : t('export.failed'))
  }
  const help = { visits: 'view.visits.help', passports: 'view.passports.help', misconceptions: 'view.misconceptions.help' } as Partial<
    Record<DashboardView, DashKey>
  >
  const helpKey = help[props.view]
  return (
    <section className="dash-view" data-testid={`view-${props.view}`} data-status={load.status} aria-busy={load.status === 'loading'}>
      <h3>{t(`view.${props.view}`)}</h3>
      {helpKey && <p className="hint">{t(helpKey)}</p>}
      {load.status === 'loading' && <p className="hint">{t('loading')}</p>}
      {load.status === 'error' && (
        <p role="alert" className="code-message error" data-testid="view-error">
          {t(load.key, { reason: load.reason })}
        </p>
      )}
      {table && table.rows.length === 0 && <p className="hint">{t('empty')}</p>}
      {option && <Chart option={option} label={t(`view.${props.view}`)} loadingText={t('chart.loading')} errorText={t('chart.error')} />}
      {table && table.rows.length > 0 && (
        <DataTable
          columns={table.columns}
          rows={table.rows}
          lang={props.lang}
          show={(c, v) => show(c, v, t)}
          hidden={{ text: t('suppressed'), title: t('suppressed.title') }}
        />
      )}
      {table?.notes.map((n) => (
        <p key={n} className="hint dash-note" data-testid={`note-${n}`}>
          {t(`note.${n}`)}
        </p>
      ))}
      {table && (
        <div className="form-buttons">
          {props.admin ? (
            (['csv', 'xlsx'] as const).map((f) => (
              <button key={f} className="btn" data-testid={`export-${f}`} onClick={() => void exportAs(f)}>
                {t(`export.${f}`)}
              </button>
            ))
          ) : (
            <p className="hint" data-testid="export-admin-only">
              {t('export.adminOnly')}
            </p>
          )}
          {exportMsg && (
            <span role="status" className="hint">
              {exportMsg}
            </span>
          )}
        </div>
      )}
    </section>
  )
}
