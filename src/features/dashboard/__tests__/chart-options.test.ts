import { describe, expect, it } from 'vitest'
import type { DashboardTable } from '../../../core/dashboard.ts'
import { chartOption } from '../chart-options.ts'

const visits: DashboardTable = {
  view: 'visits',
  columns: [
    { key: 'period', label: { 'zh-CN': '时间', en: 'Period' }, kind: 'text' },
    { key: 'plays', label: { 'zh-CN': '体验人次', en: 'Visits' }, kind: 'count' },
    { key: 'students', label: { 'zh-CN': '学生（护照）', en: 'Students (passports)' }, kind: 'count' },
    { key: 'walkIns', label: { 'zh-CN': '散客人次', en: 'Walk-in visits' }, kind: 'count' },
  ],
  rows: [
    { period: '2026-03', plays: 40, students: 12, walkIns: 3, suppressed: null },
    { period: '2026-04', plays: null, students: null, walkIns: null, suppressed: 'fewer-than-5-students' },
  ],
  notes: ['suppressed'],
}

describe('dashboard charts', () => {
  it('draw the table: one category per row, series named in the page language, a suppressed cell as a gap (never 0)', () => {
    const o = chartOption(visits, 'zh-CN') as { xAxis: { data: string[] }; series: { name: string; data: (number | null)[] }[] }
    expect(o.xAxis.data).toEqual(['2026-03', '2026-04'])
    expect(o.series.map((s) => [s.name, s.data])).toEqual([
      ['体验人次', [40, null]],
      ['散客人次', [3, null]],
      ['学生（护照）', [12, null]],
    ])
    expect((chartOption(visits, 'en') as { series: { name: string }[] }).series[0]!.name).toBe('Visits')
  })

  it('the trend: a line per item, months on the axis, a month without answers as a gap', () => {
    const t: DashboardTable = {
      view: 'trend',
      columns: [],
      rows: [
        { month: '2026-03', itemKey: 'fire/lift', question: '电梯', answers: 10, percentWrong: 30, suppressed: null },
        { month: '2026-05', itemKey: 'fire/lift', question: '电梯', answers: 10, percentWrong: 20, suppressed: null },
        { month: '2026-04', itemKey: 'quake/door', question: '门框', answers: 4, percentWrong: 50, suppressed: null },
      ],
      notes: [],
    }
    const o = chartOption(t, 'zh-CN') as { xAxis: { data: string[] }; series: { name: string; data: (number | null)[] }[] }
    expect(o.xAxis.data).toEqual(['2026-03', '2026-04', '2026-05'])
    expect(o.series.map((s) => [s.name, s.data])).toEqual([
      ['电梯', [30, null, 20]],
      ['门框', [null, 50, null]],
    ])
  })

  it('a long table draws its bars as one path each and its line without markers; a short one keeps them', () => {
    type Series = { type: string; large?: boolean; largeThreshold?: number; showSymbol?: boolean }
    const days = Array.from({ length: 231 }, (_, i) => ({ period: `d${i}`, plays: i, students: 1, walkIns: 0, suppressed: null }))
    const long = (chartOption({ ...visits, rows: days }, 'en') as { series: Series[] }).series
    const short = (chartOption(visits, 'en') as { series: Series[] }).series
    // ECharts draws a bar series in large mode when its points exceed largeThreshold.
    expect(long.filter((s) => s.type === 'bar').every((s) => s.large === true && days.length > s.largeThreshold!)).toBe(true)
    expect(short.filter((s) => s.type === 'bar').every((s) => visits.rows.length <= s.largeThreshold!)).toBe(true)
    expect([long, short].map((x) => x.find((s) => s.type === 'line')!.showSymbol)).toEqual([false, true])
  })
})
