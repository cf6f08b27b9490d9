import type { ActivityCount, YearlyReport } from './yearly-report.ts'
import { SMALL_CELL_MIN } from './yearly-report.ts'

export type ReportLang = 'zh-CN' | 'en'
type Text = Record<ReportLang, string>

/** A table as printed and exported: the first cell of each row is its label. */
export interface ReportTable {
  id: 'activities' | 'venue' | 'staff' | 'schools'
  title: string
  columns: string[]
  rows: { key: string; cells: (string | number)[] }[]
  notes: string[]
}

/** What a suppressed cell shows (and the CSV/XLSX carry): it says "fewer than five", not the number. */
export const SUPPRESSED = `<${SMALL_CELL_MIN}`

const T = {
  activities: { 'zh-CN': '一、科普活动', en: '1. Science-popularisation activities' },
  venue: { 'zh-CN': '二、场馆参观', en: '2. Venue visits' },
  staff: { 'zh-CN': '三、科普人员', en: '3. Science-popularisation staff' },
  schools: { 'zh-CN': '四、学校团体参观（按学校）', en: '4. Class visits by school' },
  item: { 'zh-CN': '项目', en: 'Item' },
  count: { 'zh-CN': '举办次数（次）', en: 'Held (times)' },
  participants: { 'zh-CN': '参加人次', en: 'Participants (person-times)' },
  value: { 'zh-CN': '数量', en: 'Figure' },
  school: { 'zh-CN': '学校', en: 'School' },
  sessions: { 'zh-CN': '参观场次', en: 'Class sessions' },
  headcount: { 'zh-CN': '班级人数', en: 'Class headcount' },
  students: { 'zh-CN': '到馆学生（护照）', en: 'Students (passports)' },
} satisfies Record<string, Text>

const ACTIVITY_ROWS: [keyof YearlyReport['activities'], Text][] = [
  ['lecture', { 'zh-CN': '科普（技）讲座', en: 'Lectures' }],
  ['exhibition', { 'zh-CN': '科普展览·参观（开放天数 / 展项体验人次）', en: 'Exhibition visits (open days / exhibit visits)' }],
  ['youth', { 'zh-CN': '青少年科普活动（学校班级团体参观）', en: 'Youth science activities (guided class visits)' }],
  ['salon', { 'zh-CN': '科普沙龙', en: 'Salons' }],
  ['workshop', { 'zh-CN': '科普工作坊', en: 'Workshops' }],
  ['training', { 'zh-CN': '培训（含讲解员、志愿者培训）', en: 'Training (guides and volunteers too)' }],
  ['other', { 'zh-CN': '其他科普活动', en: 'Other activities' }],
]
const VENUE_ROWS: [keyof YearlyReport['venue'], Text][] = [
  ['openDays', { 'zh-CN': '有参观的开放天数（天）', en: 'Days with visits' }],
  ['exhibitVisits', { 'zh-CN': '展项体验人次', en: 'Exhibit visits' }],
  ['completions', { 'zh-CN': '完成体验人次', en: 'Exhibit visits completed' }],
  ['students', { 'zh-CN': '持科学护照到馆学生（人）', en: 'Students with a passport (distinct)' }],
  ['classSessions', { 'zh-CN': '学校团体参观（场次）', en: 'Guided class sessions' }],
  ['schools', { 'zh-CN': '来访学校（所）', en: 'Schools' }],
  ['walkInVisits', { 'zh-CN': '散客展项体验人次（无护照）', en: 'Walk-in exhibit visits (no passport)' }],
  ['passportsIssued', { 'zh-CN': '发放科学护照（本）', en: 'Science passports issued' }],
]
const STAFF_ROWS: [keyof YearlyReport['staff'], Text][] = [
  ['guides', { 'zh-CN': '讲解员账号（人）', en: 'Guide accounts' }],
  ['admins', { 'zh-CN': '管理员账号（人）', en: 'Admin accounts' }],
  ['volunteerActivities', { 'zh-CN': '有志愿者服务的活动（场）', en: 'Activities with volunteers' }],
  ['volunteerHours', { 'zh-CN': '志愿服务时长（小时）', en: 'Volunteer hours' }],
]
const NOTES = {
  programme: { 'zh-CN': '讲座、沙龙、工作坊、培训、其他：来自活动记录。', en: 'Lectures, salons, workshops, training, other: from the programme log.' },
  total: { 'zh-CN': '活动记录合计', en: 'Programme log total' },
  small: {
    'zh-CN': `“${SUPPRESSED}”：少于 ${SMALL_CELL_MIN} 名学生的单元格不显示具体数字（保护未成年人隐私）。`,
    en: `“${SUPPRESSED}”: cells describing fewer than ${SMALL_CELL_MIN} students are not shown (students' privacy).`,
  },
  noSchools: { 'zh-CN': '本年度没有学校团体参观。', en: 'No class visits this year.' },
  staff: {
    'zh-CN': '账号数为目前未停用的账号；志愿服务时长来自活动记录。',
    en: 'Accounts: current, not disabled; volunteer hours: from the programme log.',
  },
} satisfies Record<string, Text>

const PROGRAMME = ['lecture', 'salon', 'workshop', 'training', 'other'] as const

/** The report's four tables in one language: what the page shows and the CSV/XLSX hold, cell for cell. */
export function reportTables(r: YearlyReport, lang: ReportLang): ReportTable[] {
  const c = (a: ActivityCount) => [a.count, a.participants]
  const total = PROGRAMME.reduce((s, k) => ({ count: s.count + r.activities[k].count, participants: s.participants + r.activities[k].participants }), {
    count: 0,
    participants: 0,
  })
  const cell = (v: number | null) => v ?? SUPPRESSED
  return [
    {
      id: 'activities',
      title: T.activities[lang],
      columns: [T.item[lang], T.count[lang], T.participants[lang]],
      rows: [
        ...ACTIVITY_ROWS.map(([key, label]) => ({ key, cells: [label[lang], ...c(r.activities[key])] })),
        { key: 'programme-total', cells: [NOTES.total[lang], ...c(total)] },
      ],
      notes: [NOTES.programme[lang]],
    },
    {
      id: 'venue',
      title: T.venue[lang],
      columns: [T.item[lang], T.value[lang]],
      rows: VENUE_ROWS.map(([key, label]) => ({ key, cells: [label[lang], r.venue[key]] })),
      notes: [],
    },
    {
      id: 'staff',
      title: T.staff[lang],
      columns: [T.item[lang], T.value[lang]],
      rows: STAFF_ROWS.map(([key, label]) => ({ key, cells: [label[lang], r.staff[key]] })),
      notes: [NOTES.staff[lang]],
    },
    {
      id: 'schools',
      title: T.schools[lang],
      columns: [T.school[lang], T.sessions[lang], T.headcount[lang], T.students[lang]],
      rows: r.schools.map((s) => ({ key: s.school, cells: [s.school, s.sessions, cell(s.headcount), cell(s.students)] })),
      notes: [...(r.schools.length === 0 ? [NOTES.noSchools[lang]] : []), ...(r.suppressedCells > 0 ? [NOTES.small[lang]] : [])],
    },
  ]
}

const HEADER = {
  title: { 'zh-CN': '{year} 年度科普工作统计', en: 'Science-popularisation statistics {year}' },
  printed: { 'zh-CN': '统计时间', en: 'Counted' },
} satisfies Record<string, Text>

/** The report's title line ("2026 年度科普工作统计") and the "counted at" label, for the page, CSV and XLSX. */
export const reportTitle = (year: number, lang: ReportLang) => HEADER.title[lang].replace('{year}', String(year))
export const countedLabel = (lang: ReportLang) => HEADER.printed[lang]
