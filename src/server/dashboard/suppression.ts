import { SUPPRESSED_NOTE, type Cell } from '../../core/dashboard.ts'

/** Fewer students than this behind a cell of a class or school: the cell is not shown. */
export const MIN_STUDENTS = 5

/**
 * A row as the aggregates make it: its cells, how many distinct students (passports) the
 * row describes, and for cells that describe fewer of them (e.g. completions: only those
 * who finished) that cell's own number of students.
 */
export interface CountedRow {
  cells: Record<string, Cell>
  students: number
  basis?: Record<string, number>
}
export type ShownRow = Record<string, Cell> & { suppressed: typeof SUPPRESSED_NOTE | null }

/** True when 1–4 students stand behind a number (0 describes nobody; 5 or more is the floor). */
export const isSmallCell = (students: number) => students > 0 && students < MIN_STUDENTS

/**
 * Small-cell suppression, done on the server so every screen and export gets the same blanks.
 * It applies when the table describes students of a class or school (`scoped`: a school,
 * grade or class session filter, or rows that are classes): a cell that 1–4 students stand
 * behind (the row's students, or the cell's own basis) becomes null, and the row says why.
 * `keep` columns (the row's label) are never blanked. Unscoped tables mix every school and
 * the walk-ins, so they are left whole.
 */
export function suppressRows(rows: readonly CountedRow[], opts: { scoped: boolean; keep: readonly string[] }): ShownRow[] {
  return rows.map(({ cells, students, basis = {} }) => {
    const rowSmall = opts.scoped && isSmallCell(students)
    let any = false
    const out: Record<string, Cell> = {}
    for (const [k, v] of Object.entries(cells)) {
      const own = basis[k]
      const blank = !opts.keep.includes(k) && v !== null && (rowSmall || (opts.scoped && own !== undefined && isSmallCell(own)))
      if (blank) any = true
      out[k] = blank ? null : v
    }
    return { ...out, suppressed: any ? SUPPRESSED_NOTE : null }
  })
}
