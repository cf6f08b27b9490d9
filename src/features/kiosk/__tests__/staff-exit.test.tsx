/** The staff exit: a 3 s hold on the corner opens the PIN dialog; five wrong PINs lock it for a minute. */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Clock } from '../idle-machine.ts'
import { DEFAULT_KIOSK, useKioskSettings } from '../kiosk-settings.ts'
import { hashPin } from '../pin-hash.ts'
import { StaffExit } from '../staff-exit.tsx'
import { staffAtWork } from '../kiosk-signals.ts'

function manualClock(): Clock & { advance(ms: number): void } {
  let now = 1_000_000
  const timers = new Set<{ at: number; fn: () => void }>()
  return {
    now: () => now,
    after(fn, ms) {
      const t = { at: now + ms, fn }
      timers.add(t)
      return () => timers.delete(t)
    },
    advance(ms) {
      now += ms
      for (const t of [...timers].filter((x) => x.at <= now)) {
        timers.delete(t)
        t.fn()
      }
    },
  }
}

const PIN = '2468'
beforeEach(async () => {
  useKioskSettings.setState({ ...DEFAULT_KIOSK, kiosk: true, pin: await hashPin(PIN, 10_000) })
})
afterEach(cleanup)

async function submit(pin: string) {
  fireEvent.change(screen.getByTestId('kiosk-exit-pin'), { target: { value: pin } })
  fireEvent.submit(screen.getByTestId('kiosk-exit-pin').closest('form')!)
}

describe('staff exit', () => {
  it('a short tap does nothing; a 3 s hold opens the PIN dialog and counts as staff at work', () => {
    const clock = manualClock()
    render(<StaffExit clock={clock} />)
    const corner = screen.getByTestId('kiosk-exit-corner')
    fireEvent.pointerDown(corner)
    expect(staffAtWork.get()).toBe(true)
    clock.advance(2000)
    fireEvent.pointerUp(corner)
    act(() => clock.advance(5000))
    expect(screen.queryByTestId('kiosk-exit-dialog')).toBeNull()
    expect(staffAtWork.get()).toBe(false)

    fireEvent.pointerDown(corner)
    act(() => clock.advance(3000))
    expect(screen.getByTestId('kiosk-exit-dialog')).toBeTruthy()
    fireEvent.pointerUp(corner)
    expect(staffAtWork.get()).toBe(true)
  })

  it('the right PIN leaves kiosk mode; five wrong ones lock the dialog for a minute, even for the right PIN', async () => {
    const clock = manualClock()
    render(<StaffExit clock={clock} />)
    fireEvent.pointerDown(screen.getByTestId('kiosk-exit-corner'))
    act(() => clock.advance(3000))
    for (let i = 0; i < 4; i++) {
      await submit('1111')
      await waitFor(() => expect(screen.getByTestId('kiosk-exit-message').dataset.message).toBe('exit.wrong'))
    }
    await submit('1111')
    await waitFor(() => expect(screen.getByTestId('kiosk-exit-message').dataset.message).toBe('exit.locked'))
    expect(screen.getByTestId('kiosk-exit-message').textContent).toMatch(/60/)
    await submit(PIN)
    await waitFor(() => expect(screen.getByTestId('kiosk-exit-message').textContent).toMatch(/60/))
    expect(useKioskSettings.getState().kiosk).toBe(true)

    clock.advance(60_000)
    await submit(PIN)
    await waitFor(() => expect(useKioskSettings.getState().kiosk).toBe(false))
    expect(screen.queryByTestId('kiosk-exit-dialog')).toBeNull()
  })
})
