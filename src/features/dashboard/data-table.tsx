import type { Cell, Column } from '../../core/dashboard.ts'

type Lang = 'zh-CN' | 'en'
/** A row keyed by column; `suppressed` (the center's views) marks a row whose empty cells were hidden for privacy. */
export type DataRow = Record<string, Cell> & { suppressed?: string | null }

/**
 * The figures as a table: under each chart on the center's dashboard, alone on the district's
 * page. One shared component so both pages read the same to an administrator and to a screen
 * reader (column headings with `scope`, numbers right-aligned). `show` writes a cell in the
 * page's own words; `hidden` is what a suppressed cell says instead.
 */
export function DataTable(props: {
  columns: Column[]
  rows: DataRow[]
  lang: Lang
  show(c: Column, v: Cell): string
  hidden?: { text: string; title: string }
  testId?: string
}) {
  return (
    // ~1.7rem a row with the heading, at most the box's 24rem (dashboard.css: a placeholder until laid out).
    <div className="dash-table-wrap" style={{ containIntrinsicHeight: `auto ${Math.min(24, 1.7 * (props.rows.length + 1)).toFixed(1)}rem` }}>
      <table className="dash-table" data-testid={props.testId}>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c.key} scope="col">
                {c.label[props.lang]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r, i) => {
            const suppressed = r.suppressed !== undefined && r.suppressed !== null
            return (
              <tr key={i} data-testid="row" data-suppressed={suppressed}>
                {props.columns.map((c) => {
                  const v = r[c.key] ?? null
                  const hidden = v === null && suppressed && props.hidden !== undefined
                  return (
                    <td
                      key={c.key}
                      data-key={c.key}
                      data-value={v === null ? '' : String(v)}
                      className={c.kind === 'text' ? undefined : 'num'}
                      title={hidden ? props.hidden?.title : undefined}
                    >
                      {hidden ? props.hidden?.text : props.show(c, v)}
                    </td>
                  )
                })}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
