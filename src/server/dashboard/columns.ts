import type { Column } from '../../core/dashboard.ts'

/** A table column: its key in the rows, its heading in both languages, how its cells are shown. */
export const col = (key: string, zh: string, en: string, kind: Column['kind'] = 'count'): Column => ({ key, label: { 'zh-CN': zh, en }, kind })

// The views the center's dashboard and the district's show alike: one heading for one figure everywhere.
export const VISITS_COLUMNS: readonly Column[] = [
  col('period', '时间', 'Period', 'text'),
  col('plays', '体验人次', 'Visits'),
  col('students', '学生（护照）', 'Students (passports)'),
  col('walkIns', '散客人次', 'Walk-in visits'),
]
export const EXHIBIT_COLUMNS: readonly Column[] = [
  col('exhibit', '展项', 'Exhibit', 'text'),
  col('starts', '开始次数', 'Starts'),
  col('completions', '完成次数', 'Completions'),
  col('completionRate', '完成率 %', 'Completion rate %', 'percent'),
  col('medianMs', '用时中位数', 'Median time', 'ms'),
  col('p90Ms', '用时 P90', 'P90 time', 'ms'),
  col('vrShare', 'VR 占比 %', 'VR share %', 'percent'),
  col('crashes', '崩溃次数', 'Crashes'),
  col('students', '学生（护照）', 'Students (passports)'),
]
export const MISCONCEPTION_COLUMNS: readonly Column[] = [
  col('exhibit', '展项', 'Exhibit', 'text'),
  col('kind', '类型', 'Kind', 'text'),
  col('question', '题目或步骤', 'Question or step', 'text'),
  col('attempts', '作答次数', 'Answers'),
  col('percentWrong', '答错率 %', 'Wrong %', 'percent'),
  col('topWrong', '最常选的错误答案', 'Most-chosen wrong answer', 'text'),
  col('topWrongCount', '选它的次数', 'Times chosen'),
  col('explanation', '展项的讲解', "The exhibit's explanation", 'text'),
]
export const TREND_COLUMNS: readonly Column[] = [
  col('month', '月份', 'Month', 'text'),
  col('exhibit', '展项', 'Exhibit', 'text'),
  col('question', '题目', 'Question', 'text'),
  col('answers', '作答次数', 'Answers'),
  col('percentWrong', '答错率 %', 'Wrong %', 'percent'),
]
