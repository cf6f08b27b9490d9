import { describe, expect, it } from 'vitest'
import { readFilter, writeFilter } from '../url-filter.ts'

describe('dashboard filters in the URL', () => {
  it('reads the filters a shared link carries and writes them back in a fixed order', () => {
    const f = readFilter('?school=%E6%A7%90%E6%A0%91%E5%B0%8F%E5%AD%A6&exhibit=fire-escape&from=2026-01-01&to=2026-12-31&bucket=month&other=1')
    expect(f).toEqual({ from: '2026-01-01', to: '2026-12-31', school: '槐树小学', exhibit: 'fire-escape', bucket: 'month' })
    expect(writeFilter(f)).toBe('from=2026-01-01&to=2026-12-31&school=%E6%A7%90%E6%A0%91%E5%B0%8F%E5%AD%A6&exhibit=fire-escape&bucket=month')
    expect(readFilter(`?${writeFilter(f)}`)).toEqual(f)
  })

  it('drops a bad value without spoiling the rest, and a range the wrong way round loses its start', () => {
    expect(readFilter('kind=fridge&exhibit=../x&bucket=year&grade=%E5%9B%9B%E5%B9%B4%E7%BA%A7&from=2026-13')).toEqual({ grade: '四年级' })
    expect(readFilter('from=2026-05-01&to=2026-04-01')).toEqual({ to: '2026-04-01' })
    expect(readFilter('')).toEqual({})
  })
})
