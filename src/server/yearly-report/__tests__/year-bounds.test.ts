import { describe, expect, it } from 'vitest'
import { createDayOf } from '../../day-key.ts'
import { yearBounds, yearStartMs } from '../year-bounds.ts'

/** The year starts at the zone's own midnight: whole-hour, half-hour, ±14 h and daylight-saving zones alike. */
describe('yearStartMs', () => {
  const zones = [
    'Asia/Shanghai',
    'UTC',
    'Asia/Kolkata',
    'Asia/Kathmandu',
    'America/St_Johns',
    'Pacific/Kiritimati',
    'Pacific/Pago_Pago',
    'Europe/Berlin',
    'Australia/Sydney',
  ]
  for (const zone of zones) {
    it(`is the first instant of January 1st in ${zone}`, () => {
      const dayOf = createDayOf(zone)
      for (const year of [2000, 2024, 2026, 2100]) {
        const start = yearStartMs(year, zone)
        expect(dayOf(start)).toBe(`${year}-01-01`)
        expect(dayOf(start - 1)).toBe(`${year - 1}-12-31`)
      }
    })
  }

  it('Beijing time: the year begins at 16:00 UTC on December 31st', () => {
    expect(new Date(yearStartMs(2026, 'Asia/Shanghai')).toISOString()).toBe('2025-12-31T16:00:00.000Z')
    const b = yearBounds(2026, 'Asia/Shanghai')
    expect(b.toMs - b.fromMs).toBe(365 * 86_400_000)
    expect([b.firstDay, b.lastDay]).toEqual(['2026-01-01', '2026-12-31'])
  })
})
