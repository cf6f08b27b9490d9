import type { Cell, Column } from '../../core/dashboard.ts'
import { suppressRows } from '../dashboard/suppression.ts'
import { col, EXHIBIT_COLUMNS, MISCONCEPTION_COLUMNS, TREND_COLUMNS, VISITS_COLUMNS } from '../dashboard/columns.ts'
import type { ExhibitTexts } from '../exhibit-texts.ts'
import type { Pool } from './database.ts'
import { histMedian, histPercentile } from './duration-histogram.ts'
import { centerComparison, exhibitFigures, itemFigures, quizTrend, visitsByPeriod } from './dashboard-queries.ts'
import type { DistrictFilter, DistrictTable, DistrictView } from '../../core/district.ts'

type Lang = 'zh-CN' | 'en'
export interface DistrictViewDeps {
  pool: Pool
  texts: ExhibitTexts
  title: (exhibitId: string, lang: Lang) => string
}
type Row = Record<string, Cell>
const pct = (num: number, den: number) => (den > 0 ? Math.round((num / den) * 1000) / 10 : null)

/**
 * One district view as the center's dashboard tables are (core/dashboard.ts), so the same
 * page code and exports can show it. Rows pass through the center's small-cell suppression;
 * no district view is about one class or school (the district holds no class lists), so
 * like the center's unscoped tables they are left whole.
 */
export async function buildDistrictView(d: DistrictViewDeps, view: DistrictView, f: DistrictFilter, lang: Lang): Promise<DistrictTable> {
  const notes: DistrictTable['notes'] = []
  const table = (columns: readonly Column[], rows: Row[], keep: string[]): DistrictTable => {
    const shown = suppressRows(
      rows.map((cells) => ({ cells, students: typeof cells.students === 'number' ? cells.students : 0 })),
      { scoped: false, keep },
    )
    if (shown.some((r) => r.suppressed)) notes.push('suppressed')
    return { view, columns: [...columns], rows: shown, notes }
  }
  switch (view) {
    case 'visits':
      return table(
        VISITS_COLUMNS,
        (await visitsByPeriod(d.pool, f)).map((r) => ({ period: r.period, plays: r.plays, students: r.students, walkIns: r.walk_ins })),
        ['period'],
      )
    case 'exhibits':
      return table(
        EXHIBIT_COLUMNS,
        (await exhibitFigures(d.pool, f)).map((r) => ({
          exhibit: d.title(r.exhibit_id, lang),
          exhibitId: r.exhibit_id,
          starts: r.starts,
          completions: r.completions,
          completionRate: pct(r.completions, r.starts),
          medianMs: histMedian(r.durations),
          p90Ms: histPercentile(r.durations, 90),
          vrShare: pct(r.vr, r.starts),
          crashes: r.crashes,
          students: r.students,
        })),
        ['exhibit'],
      )
    case 'misconceptions': {
      const kinds: Record<Lang, Record<'quiz' | 'step', string>> = { 'zh-CN': { quiz: '测验', step: '步骤' }, en: { quiz: 'quiz', step: 'step' } }
      return table(
        MISCONCEPTION_COLUMNS,
        (await itemFigures(d.pool, f)).map((r) => {
          const words = d.texts[r.kind](r.exhibit_id, r.item_id, r.top_choice ?? '')
          return {
            exhibit: d.title(r.exhibit_id, lang),
            kind: kinds[lang][r.kind],
            question: words.question[lang],
            attempts: r.attempts,
            percentWrong: pct(r.wrong, r.attempts),
            topWrong: r.top_choice ? words.choice[lang] : null,
            topWrongId: r.top_choice,
            topWrongCount: r.top_n,
            explanation: r.top_choice ? words.point[lang] || null : null,
          }
        }),
        ['exhibit', 'kind', 'question'],
      )
    }
    case 'trend':
      return table(
        TREND_COLUMNS,
        (await quizTrend(d.pool, f)).map((r) => ({
          month: r.month,
          exhibit: d.title(r.exhibit_id, lang),
          question: d.texts.quiz(r.exhibit_id, r.item_id, '').question[lang],
          itemKey: `${r.exhibit_id}/${r.item_id}`,
          answers: r.answers,
          percentWrong: pct(r.wrong, r.answers),
        })),
        ['month', 'exhibit', 'question'],
      )
    case 'centers':
      return table(
        [
          col('center', '科普馆', 'Center', 'text'),
          col('plays', '体验人次', 'Visits'),
          col('students', '学生（护照）', 'Students (passports)'),
          col('completions', '完成次数', 'Completions'),
          col('completionRate', '完成率 %', 'Completion rate %', 'percent'),
          col('crashes', '崩溃次数', 'Crashes'),
          col('answers', '作答次数', 'Answers'),
          col('percentWrong', '答错率 %', 'Wrong %', 'percent'),
        ],
        (await centerComparison(d.pool, f)).map((r) => ({
          center: r.name,
          centerId: r.center_id,
          plays: r.plays,
          students: r.students,
          completions: r.completions,
          completionRate: pct(r.completions, r.plays),
          crashes: r.crashes,
          answers: r.answers,
          percentWrong: pct(r.wrong, r.answers),
        })),
        ['center'],
      )
  }
}
