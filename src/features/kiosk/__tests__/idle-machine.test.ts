import { describe, expect, it, vi } from 'vitest'
import { createIdleMachine, runReset, type Busy, type Clock } from '../idle-machine.ts'

/** A clock that only moves when the test says so; timers fire in due order. */
function manualClock(): Clock & { advance(ms: number): void; pending(): number } {
  let now = 0
  let seq = 0
  const timers = new Map<number, { at: number; fn: () => void }>()
  return {
    now: () => now,
    after(fn, ms) {
      const id = ++seq
      timers.set(id, { at: now + ms, fn })
      return () => timers.delete(id)
    },
    advance(ms) {
      const end = now + ms
      for (;;) {
        const next = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0]
        if (!next) break
        timers.delete(next[0])
        now = next[1].at
        next[1].fn()
      }
      now = end
    },
    pending: () => timers.size,
  }
}

function setup(opts: { idleMs?: number; warnMs?: number } = {}) {
  const clock = manualClock()
  let busy: Busy = null
  const onReset = vi.fn()
  const m = createIdleMachine({ clock, idleMs: () => opts.idleMs ?? 60_000, warnMs: opts.warnMs ?? 10_000, busy: () => busy, onReset })
  m.start()
  return { clock, m, onReset, setBusy: (b: Busy) => (busy = b) }
}

describe('idle machine', () => {
  it('counts down from 10 after 60 s without input, then resets once and shows the attract loop', () => {
    const { clock, m, onReset } = setup()
    clock.advance(59_999)
    expect(m.getState().phase).toBe('watching')
    clock.advance(1)
    expect(m.getState()).toMatchObject({ phase: 'warning', remaining: 10, warnings: 1 })
    clock.advance(1000)
    expect(m.getState().remaining).toBe(9)
    clock.advance(8000)
    expect(m.getState().remaining).toBe(1)
    expect(onReset).not.toHaveBeenCalled()
    clock.advance(1000)
    expect(m.getState().phase).toBe('attract')
    expect(onReset).toHaveBeenCalledTimes(1)
    // The attract loop waits for the next visitor: no timer runs.
    expect(clock.pending()).toBe(0)
    clock.advance(3_600_000)
    expect(onReset).toHaveBeenCalledTimes(1)
  })

  it('input restarts the idle time, without re-arming a timer per event', () => {
    const { clock, m } = setup()
    clock.advance(50_000)
    for (let i = 0; i < 100; i++) m.activity()
    expect(clock.pending()).toBe(1)
    clock.advance(59_999)
    expect(m.getState().phase).toBe('watching')
    clock.advance(1)
    expect(m.getState().phase).toBe('warning')
  })

  it('a touch during the countdown continues the visit', () => {
    const { clock, m, onReset } = setup()
    clock.advance(65_000)
    expect(m.getState()).toMatchObject({ phase: 'warning', remaining: 5 })
    m.activity()
    expect(m.getState().phase).toBe('watching')
    clock.advance(59_999)
    expect(m.getState().phase).toBe('watching')
    clock.advance(1)
    expect(m.getState()).toMatchObject({ phase: 'warning', remaining: 10 })
    expect(onReset).not.toHaveBeenCalled()
  })

  it('never counts down while narration plays; the idle time runs again from its end', () => {
    const { clock, m, onReset, setBusy } = setup()
    setBusy('narration')
    clock.advance(120_000)
    expect(m.getState().phase).toBe('watching')
    expect(m.getState().suppressed).toBeGreaterThan(0)
    expect(m.getState().lastBusy).toBe('narration')
    setBusy(null)
    // busy is polled each second, so the countdown comes between 59 and 61 s after the end
    clock.advance(59_000)
    expect(m.getState().phase).toBe('watching')
    clock.advance(2000)
    expect(m.getState().phase).toBe('warning')
    clock.advance(10_000)
    expect(onReset).toHaveBeenCalledTimes(1)
  })

  it('an explanation shown during the countdown cancels it', () => {
    const { clock, m, onReset, setBusy } = setup()
    clock.advance(62_000)
    expect(m.getState().phase).toBe('warning')
    setBusy('explanation')
    clock.advance(1000)
    expect(m.getState()).toMatchObject({ phase: 'watching', lastBusy: 'explanation' })
    clock.advance(600_000)
    expect(onReset).not.toHaveBeenCalled()
    expect(m.getState().warnings).toBe(1)
  })

  it('VR: head or controller movement is activity, so a moving student is never reset', () => {
    const { clock, m, onReset } = setup({ idleMs: 600_000 })
    for (let i = 0; i < 40; i++) {
      clock.advance(30_000)
      m.activity()
    }
    expect(m.getState().phase).toBe('watching')
    expect(onReset).not.toHaveBeenCalled()
    clock.advance(610_000)
    expect(onReset).toHaveBeenCalledTimes(1)
  })

  it('a touch on the attract loop starts watching again; stop cancels everything', () => {
    const { clock, m, onReset } = setup({ idleMs: 1000, warnMs: 1000 })
    clock.advance(2000)
    expect(m.getState().phase).toBe('attract')
    m.activity()
    expect(m.getState().phase).toBe('watching')
    m.stop()
    expect(clock.pending()).toBe(0)
    clock.advance(10_000)
    expect(onReset).toHaveBeenCalledTimes(1)
    expect(m.getState().phase).toBe('off')
  })

  it('the countdown shows whole seconds for a warning that is not a whole number of seconds', () => {
    const { clock, m } = setup({ idleMs: 1000, warnMs: 2500 })
    clock.advance(1000)
    expect(m.getState().remaining).toBe(3)
    clock.advance(1000)
    expect(m.getState().remaining).toBe(2)
    clock.advance(1000)
    expect(m.getState().remaining).toBe(1)
    clock.advance(500)
    expect(m.getState().phase).toBe('attract')
  })
})

describe('runReset', () => {
  it('exits, checks out, stops audio, then what waits between visitors, in that order, even when one fails', () => {
    const order: string[] = []
    const err = vi.spyOn(console, 'error').mockImplementation(() => {})
    runReset({
      exitExhibit: () => order.push('exit'),
      checkOut: () => {
        order.push('checkOut')
        throw new Error('storage full')
      },
      stopAudio: () => order.push('audio'),
      betweenVisitors: () => order.push('between'),
    })
    expect(order).toEqual(['exit', 'checkOut', 'audio', 'between'])
    expect(err).toHaveBeenCalledTimes(1)
    err.mockRestore()
  })
})
