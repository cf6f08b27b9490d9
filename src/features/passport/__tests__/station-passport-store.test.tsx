import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPassportCode } from '../../../core/passport-code.ts'
import { hydrateStationPassport, LEGACY_KEY, MAX_LOCAL_PASSPORTS, mergeStamps, useCheckedInStamps, useStationPassport } from '../station-passport-store.ts'

const a = createPassportCode()
const b = createPassportCode()
const KEY = 'sophora.checkin'

function Stamps() {
  const stamps = useCheckedInStamps()
  return <p data-testid="stamps">{Object.keys(stamps).sort().join(',')}</p>
}

/** A page reload: the in-memory store is emptied, then hydrated from what is stored. */
async function reload() {
  // persist writes on every setState: keep what was stored, as a real reload would
  const stored = localStorage.getItem(KEY)
  useStationPassport.setState({ code: null, confirmed: false, local: {}, server: {} })
  if (stored === null) localStorage.removeItem(KEY)
  else localStorage.setItem(KEY, stored)
  return hydrateStationPassport()
}

beforeEach(async () => {
  localStorage.clear()
  await reload()
})
afterEach(cleanup)

describe('the station passport store', () => {
  it('stamps go to the checked-in passport only; check-out leaves the next student clean', () => {
    const s = useStationPassport.getState()
    expect(s.award('fire-escape', 3)).toBe(false) // a walk-in: nothing kept
    render(<Stamps />)
    act(() => useStationPassport.getState().checkIn(a, true))
    act(() => {
      expect(useStationPassport.getState().award('fire-escape', 2)).toBe(true)
    })
    act(() => {
      expect(useStationPassport.getState().award('fire-escape', 3)).toBe(false)
    })
    expect(screen.getByTestId('stamps').textContent).toBe('fire-escape')
    expect(useStationPassport.getState().local[a]?.['fire-escape']?.score).toBe(3)
    act(() => useStationPassport.getState().checkOut())
    expect(screen.getByTestId('stamps').textContent).toBe('')
    act(() => useStationPassport.getState().checkIn(b, false))
    expect(screen.getByTestId('stamps').textContent).toBe('')
    act(() => {
      useStationPassport.getState().award('earthquake', 1)
    })
    expect(screen.getByTestId('stamps').textContent).toBe('earthquake')
    expect(Object.keys(useStationPassport.getState().local[a] ?? {})).toEqual(['fire-escape'])
  })

  it('the checked-in passport and its local stamps survive a refresh', async () => {
    useStationPassport.getState().checkIn(a, false)
    useStationPassport.getState().award('flood', 2)
    expect(await reload()).toBe('ok')
    const s = useStationPassport.getState()
    expect(s.code).toBe(a)
    expect(s.confirmed).toBe(false)
    expect(s.local[a]?.flood?.score).toBe(2)
  })

  it('server stamps merge with local ones (better score, earlier date) and are dropped on check-out', () => {
    render(<Stamps />)
    act(() => {
      useStationPassport.getState().checkIn(a, true)
      useStationPassport.getState().award('flood', 1, new Date('2026-11-30T10:00:00Z'))
      useStationPassport
        .getState()
        .setServerStamps(a, { flood: { awardedAt: '2026-11-29T09:00:00Z', score: 3 }, earthquake: { awardedAt: '2026-11-29T09:30:00Z', score: 2 } })
      useStationPassport.getState().setServerStamps(b, { waste: { awardedAt: '2026-11-29T09:30:00Z', score: 2 } }) // not checked in: ignored
    })
    expect(screen.getByTestId('stamps').textContent).toBe('earthquake,flood')
    expect(useStationPassport.getState().award('earthquake', 3)).toBe(false) // already on the server: not a new stamp
    expect(mergeStamps({ x: { awardedAt: '2026-11-30', score: 1 } }, { x: { awardedAt: '2026-11-29', score: 3 } })).toEqual({
      x: { awardedAt: '2026-11-29', score: 3 },
    })
    act(() => useStationPassport.getState().checkOut())
    expect(useStationPassport.getState().server).toEqual({})
  })

  it('keeps local stamps of at most MAX_LOCAL_PASSPORTS passports, dropping the least recent', () => {
    const s = useStationPassport.getState()
    const codes = Array.from({ length: MAX_LOCAL_PASSPORTS + 5 }, () => createPassportCode())
    for (const c of codes) {
      s.checkIn(c, true)
      s.award('flood', 1)
    }
    const kept = Object.keys(useStationPassport.getState().local)
    expect(kept).toHaveLength(MAX_LOCAL_PASSPORTS)
    expect(kept).not.toContain(codes[0])
    expect(kept).toContain(codes.at(-1))
  })

  it('drops the old per-device SP- passport once, with a notice the first time only', async () => {
    localStorage.setItem(
      LEGACY_KEY,
      JSON.stringify({ state: { passportId: 'SP-0123456789AB', stamps: { flood: { awardedAt: '2026-01-01', score: 3 } } }, version: 1 }),
    )
    expect(await reload()).toBe('legacy-dropped')
    expect(localStorage.getItem(LEGACY_KEY)).toBeNull()
    expect(useStationPassport.getState().code).toBeNull()
    expect(await reload()).toBe('ok')
  })

  it('damaged stored data is reset and reported', async () => {
    localStorage.setItem(KEY, '{not json')
    expect(await reload()).toBe('reset')
    expect(JSON.parse(localStorage.getItem(KEY) ?? 'null')).toMatchObject({ state: { code: null, local: {} } })
    localStorage.setItem(KEY, JSON.stringify({ state: { code: 'NOT-A-CODE', confirmed: true, local: {} }, version: 1 }))
    expect(await reload()).toBe('reset')
    expect(useStationPassport.getState().code).toBeNull()
  })
})
