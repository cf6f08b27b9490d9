import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import type { Cell, Column, DashboardFilter, DashboardTable, DashboardView } from '../../core/dashboard.ts'
import type { Db } from '../db/database.ts'
import type { ExhibitTexts } from '../exhibit-texts.ts'
import { activitiesByType, exhibitFigures, passportsByClass, visitsByPeriod } from './aggregates.ts'
import { itemFigures, quizTrend } from './items.ts'
import { suppressRows, type CountedRow } from './suppression.ts'
import { col, EXHIBIT_COLUMNS, MISCONCEPTION_COLUMNS, TREND_COLUMNS, VISITS_COLUMNS } from './columns.ts'
import { isScoped } from './where.ts'

type Lang = 'zh-CN' | 'en'
export interface ViewDeps {
  db: Db
  centerId: string
  coreSet: readonly string[]
  dayOf: (ms: number) => string
  texts: ExhibitTexts
  /** The exhibit's title in a language (falls back to its id). */
  title: (exhibitId: string, lang: Lang) => string
}

type FlatRow = { students: number; basis?: Record<string, number>; [k: string]: Cell | Record<string, number> | undefined }
const pct = (num: number, den: number) => (den > 0 ? Math.round((num / den) * 1000) / 10 : null)

/** Reads exhibits' manifest titles once per id (the server only knows their ids otherwise). */
export function createTitles(dirs: readonly string[]): ViewDeps['title'] {
  const TitleSchema = z.object({ title: z.object({ 'zh-CN': z.string(), en: z.string() }) })
  const cache = new Map<string, Record<Lang, string> | null>()
  return (id, lang) => {
    if (!cache.has(id)) {
      const file = dirs.map((d) => join(d, id, 'manifest.json')).find((f) => existsSync(f))
      let t: Record<Lang, string> | null
      try {
        t = file ? TitleSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).title : null
      } catch {
        t = null
      }
      cache.set(id, t)
    }
    return cache.get(id)?.[lang] ?? id
  }
}

/**
 * One view as a table: columns with both languages' headings, rows after small-cell
 * suppression, and notes for filters the view ignores. Text cells are in `lang`.
 */
export function buildView(d: ViewDeps, view: DashboardView, f: DashboardFilter, lang: Lang): DashboardTable {
  const scoped = isScoped(f)
  const notes: DashboardTable['notes'] = []
  // Rows are flat (cells + `students` + optional `basis`); ids beside the columns (exhibitId…) stay for the page's charts.
  const table = (columns: readonly Column[], rows: FlatRow[], keep: string[], scope = scoped): DashboardTable => {
    const counted: CountedRow[] = rows.map(({ students, basis, ...cells }) => ({
      cells: { ...(cells as Record<string, Cell>), students },
      students,
      ...(basis ? { basis } : {}),
    }))
    const shown = suppressRows(counted, { scoped: scope, keep })
    if (shown.some((r) => r.suppressed)) notes.push('suppressed')
    return { view, columns: [...columns], rows: shown, notes }
  }
  switch (view) {
    case 'visits':
      return table(
        VISITS_COLUMNS,
        visitsByPeriod(d.db, f).map((r) => ({ period: r.period, plays: r.plays, students: r.students, walkIns: r.walkInPlays })),
        ['period'],
      )
    case 'passports': {
      if (f.exhibit) notes.push('exhibit-filter-ignored')
      if (f.kind) notes.push('kind-filter-ignored')
      const rows = passportsByClass(d.db, f, d).map((r) => ({
        school: r.school,
        grade: r.grade,
        className: r.className,
        issuedOn: d.dayOf(r.createdMs),
        issued: r.issued,
        active: r.active,
        completed: r.completed,
        students: r.issued,
        basis: { active: r.active, completed: r.completed },
      }))
      // Each row is one class: always about students of a class, whatever the filter.
      return table(
        [
          col('school', '学校', 'School', 'text'),
          col('grade', '年级', 'Grade', 'text'),
          col('className', '班级', 'Class', 'text'),
          col('issuedOn', '发放日期', 'Issued on', 'text'),
          col('issued', '已发放护照', 'Passports issued'),
          col('active', '活跃护照', 'Active passports'),
          col('completed', '集齐核心展项', 'Completed the core set'),
        ],
        rows,
        ['school', 'grade', 'className', 'issuedOn'],
        true,
      )
    }
    case 'exhibits':
      return table(
        EXHIBIT_COLUMNS,
        exhibitFigures(d.db, f).map((r) => ({
          exhibit: d.title(r.exhibitId, lang),
          exhibitId: r.exhibitId,
          starts: r.starts,
          completions: r.completions,
          completionRate: pct(r.completions, r.starts),
          medianMs: r.medianMs,
          p90Ms: r.p90Ms,
          vrShare: pct(r.vrStarts, r.starts),
          crashes: r.crashes,
          students: r.students,
          basis: { completions: r.completers, completionRate: r.completers, medianMs: r.completers, p90Ms: r.completers },
        })),
        ['exhibit'],
      )
    case 'misconceptions':
      return table(
        MISCONCEPTION_COLUMNS,
        itemFigures(d.db, f, { students: scoped }).map((r) => {
          const words = r.topWrong ? d.texts[r.kind](r.exhibitId, r.itemId, r.topWrong.choiceId) : d.texts[r.kind](r.exhibitId, r.itemId, '')
          const kind: Record<Lang, Record<'quiz' | 'step', string>> = { 'zh-CN': { quiz: '测验', step: '步骤' }, en: { quiz: 'quiz', step: 'step' } }
          return {
            exhibit: d.title(r.exhibitId, lang),
            kind: kind[lang][r.kind],
            question: words.question[lang],
            attempts: r.attempts,
            percentWrong: pct(r.wrong, r.attempts),
            topWrong: r.topWrong ? words.choice[lang] : null,
            topWrongId: r.topWrong?.choiceId ?? null,
            topWrongCount: r.topWrong?.n ?? null,
            explanation: r.topWrong ? words.point[lang] || null : null,
            students: r.students,
            basis: { topWrong: r.topWrong?.students ?? 0, topWrongCount: r.topWrong?.students ?? 0, explanation: r.topWrong?.students ?? 0 },
          }
        }),
        ['exhibit', 'kind', 'question'],
      )
    case 'trend':
      return table(
        TREND_COLUMNS,
        quizTrend(d.db, f, { students: scoped }).map((r) => ({
          month: r.month,
          exhibit: d.title(r.exhibitId, lang),
          question: d.texts.quiz(r.exhibitId, r.itemId, '').question[lang],
          itemKey: `${r.exhibitId}/${r.itemId}`,
          answers: r.answers,
          percentWrong: pct(r.wrong, r.answers),
          students: r.students,
        })),
        ['month', 'exhibit', 'question'],
      )
    case 'activities': {
      if (scoped || f.exhibit || f.kind) notes.push('class-filters-ignored')
      const names: Record<string, Record<Lang, string>> = {
        lecture: { 'zh-CN': '讲座', en: 'Lectures' },
        salon: { 'zh-CN': '沙龙', en: 'Salons' },
        workshop: { 'zh-CN': '工作坊', en: 'Workshops' },
        training: { 'zh-CN': '培训', en: 'Trainings' },
        other: { 'zh-CN': '其他', en: 'Other' },
      }
      // Audiences are head counts of the public, not students of one class: nothing to suppress.
      return table(
        [
          col('type', '活动类型', 'Activity type', 'text'),
          col('activities', '场次', 'Activities'),
          col('participants', '参与人次', 'Participants'),
          col('volunteerHours', '志愿服务时长（小时）', 'Volunteer hours', 'hours'),
        ],
        activitiesByType(d.db, f, d.centerId).map((r) => ({
          type: names[r.type]?.[lang] ?? r.type,
          activities: r.activities,
          participants: r.participants,
          volunteerHours: r.volunteerTenths / 10,
          students: 0,
        })),
        ['type'],
        false,
      )
    }
  }
}
