import type { Cell, DashboardTable } from '../../core/dashboard.ts'

type Lang = 'zh-CN' | 'en'
type Option = Record<string, unknown>

const num = (v: Cell | undefined) => (typeof v === 'number' ? v : null)
const str = (v: Cell | undefined) => (v === null || v === undefined ? '' : String(v))
const label = (t: DashboardTable, key: string, lang: Lang) => t.columns.find((c) => c.key === key)?.label[lang] ?? key
const base = (categories: string[]): Option => ({
  animation: false,
  tooltip: { trigger: 'axis' },
  legend: { top: 0 },
  grid: { left: 48, right: 16, top: 36, bottom: 56, containLabel: true },
  xAxis: { type: 'category', data: categories, axisLabel: { rotate: categories.length > 8 ? 40 : 0, interval: 'auto' } },
  yAxis: { type: 'value' },
})
/**
 * Above LARGE categories a bar series is drawn as one SVG path (ECharts' large mode; its own
 * threshold is 400) and a line without point markers: a year by day, or the passports' ~200
 * class sets, made ~700 SVG elements per chart, which cost more of the page's first draw than
 * any other step (CPU profile, issue 11). The axis tooltip still gives each figure.
 */
const LARGE = 60
const bars = (t: DashboardTable, keys: string[], lang: Lang) =>
  keys.map((k) => ({ type: 'bar', name: label(t, k, lang), data: t.rows.map((r) => num(r[k])), large: true, largeThreshold: LARGE }))

/**
 * ECharts draws its SVG text in `sans-serif` unless told: a machine without a system CJK font
 * (headless Chromium on Debian, some kiosk images) then shows legends and axis names as empty
 * boxes while the page around them reads fine. The page's own stack (app.css), led by the subset
 * font the build makes from the project's strings, keeps charts and tables in one typeface.
 */
export const CHART_FONT = "'Sophora SC', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif"

/**
 * The chart for a view, from the same table the page shows under it (suppressed cells are
 * null: gaps, never zeros). Pure, so it is tested without a browser.
 */
export function chartOption(t: DashboardTable, lang: Lang): Option {
  return { textStyle: { fontFamily: CHART_FONT }, ...viewOption(t, lang) }
}

function viewOption(t: DashboardTable, lang: Lang): Option {
  switch (t.view) {
    case 'visits':
      return {
        ...base(t.rows.map((r) => str(r.period))),
        series: [
          ...bars(t, ['plays', 'walkIns'], lang),
          { type: 'line', name: label(t, 'students', lang), data: t.rows.map((r) => num(r.students)), showSymbol: t.rows.length <= LARGE },
        ],
      }
    case 'passports':
      return { ...base(t.rows.map((r) => `${str(r.school)} ${str(r.grade)}${str(r.className)}`)), series: bars(t, ['issued', 'active', 'completed'], lang) }
    case 'exhibits':
      return { ...base(t.rows.map((r) => str(r.exhibit))), series: bars(t, ['starts', 'completions', 'crashes'], lang) }
    case 'misconceptions': {
      // The ten items most often wrong, most-wrong on top.
      const top = [...t.rows]
        .filter((r) => num(r.percentWrong) !== null)
        .sort((a, b) => (num(b.percentWrong) ?? 0) - (num(a.percentWrong) ?? 0))
        .slice(0, 10)
        .reverse()
      return {
        animation: false,
        tooltip: { trigger: 'axis' },
        grid: { left: 8, right: 24, top: 16, bottom: 24, containLabel: true },
        xAxis: { type: 'value', max: 100 },
        yAxis: { type: 'category', data: top.map((r) => `${str(r.exhibit)} · ${str(r.question)}`.slice(0, 28)) },
        series: [{ type: 'bar', name: label(t, 'percentWrong', lang), data: top.map((r) => num(r.percentWrong)) }],
      }
    }
    case 'trend': {
      const months = [...new Set(t.rows.map((r) => str(r.month)))].sort()
      const answers = new Map<string, number>()
      for (const r of t.rows) answers.set(str(r.itemKey), (answers.get(str(r.itemKey)) ?? 0) + (num(r.answers) ?? 0))
      // The six items answered most; a line each.
      const items = [...answers]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([k]) => k)
      return {
        ...base(months),
        yAxis: { type: 'value', max: 100 },
        series: items.map((k) => {
          const rows = t.rows.filter((r) => str(r.itemKey) === k)
          return {
            type: 'line',
            connectNulls: false,
            name: str(rows[0]?.question).slice(0, 18),
            data: months.map((m) => num(rows.find((r) => str(r.month) === m)?.percentWrong)),
          }
        }),
      }
    }
    case 'activities':
      return { ...base(t.rows.map((r) => str(r.type))), series: bars(t, ['activities', 'participants', 'volunteerHours'], lang) }
  }
}
