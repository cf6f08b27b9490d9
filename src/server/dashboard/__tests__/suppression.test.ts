// @vitest-environment node
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { isSmallCell, MIN_STUDENTS, suppressRows } from '../suppression.ts'

describe('small-cell suppression', () => {
  it('blanks every cell but the label of a scoped row that 1–4 students stand behind, and says why', () => {
    const rows = [
      { cells: { day: '2026-03-02', plays: 40, students: 12 }, students: 12 },
      { cells: { day: '2026-03-03', plays: 7, students: 4 }, students: 4 },
      { cells: { day: '2026-03-04', plays: 0, students: 0 }, students: 0 },
    ]
    expect(suppressRows(rows, { scoped: true, keep: ['day'] })).toEqual([
      { day: '2026-03-02', plays: 40, students: 12, suppressed: null },
      { day: '2026-03-03', plays: null, students: null, suppressed: 'fewer-than-5-students' },
      { day: '2026-03-04', plays: 0, students: 0, suppressed: null },
    ])
    // The same rows over the whole center (every school and the walk-ins) are shown whole.
    expect(suppressRows(rows, { scoped: false, keep: ['day'] }).map((r) => r.suppressed)).toEqual([null, null, null])
  })

  it('blanks just the cell whose own students are few (e.g. 3 of a class of 30 finished)', () => {
    const [row] = suppressRows(
      [{ cells: { exhibit: 'fire', starts: 30, completions: 3, median: 61_000 }, students: 30, basis: { completions: 3, median: 3 } }],
      {
        scoped: true,
        keep: ['exhibit'],
      },
    )
    expect(row).toEqual({ exhibit: 'fire', starts: 30, completions: null, median: null, suppressed: 'fewer-than-5-students' })
  })

  it('for any rows: a scoped cell is shown only when no 1–4 students stand behind it, and nothing else changes', () => {
    const row = fc.record({
      students: fc.nat({ max: 12 }),
      own: fc.option(fc.nat({ max: 12 }), { nil: undefined }),
      value: fc.option(fc.integer({ min: 0, max: 99 }), { nil: null }),
    })
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), fc.boolean(), (rs, scoped) => {
        const shown = suppressRows(
          rs.map((r) => ({ cells: { label: 'x', v: r.value }, students: r.students, ...(r.own === undefined ? {} : { basis: { v: r.own } }) })),
          { scoped, keep: ['label'] },
        )
        shown.forEach((s, i) => {
          const r = rs[i]!
          const hide = scoped && r.value !== null && (isSmallCell(r.students) || (r.own !== undefined && isSmallCell(r.own)))
          expect(s.label).toBe('x')
          expect(s.v).toBe(hide ? null : r.value)
          expect(s.suppressed).toBe(hide ? 'fewer-than-5-students' : null)
        })
      }),
    )
    expect(MIN_STUDENTS).toBe(5)
  })
})
