import { describe, expect, it } from 'vitest'
import { mayActNow, type Whereabouts } from '../safe-points.ts'
import type { Command } from '../../../core/station-live.ts'

const at = (w: Partial<Whereabouts>): Whereabouts => ({ exhibitId: 'fire-escape', phase: 'step', answered: false, ...w })
const launch: Command = { type: 'launch', exhibitId: 'earthquake' }
const lobby: Command = { type: 'lobby' }
const checkIn: Command = { type: 'check-in', passport: 'K7QM2XHD9W' }

describe('the never-mid-step rule', () => {
  it('launch and check-in wait while a run is in progress, even between its steps', () => {
    for (const c of [launch, checkIn]) {
      expect(mayActNow(c, at({ phase: 'step' }))).toBe(false)
      expect(mayActNow(c, at({ phase: 'quiz', answered: true }))).toBe(false)
      expect(mayActNow(c, at({ phase: 'intro' }))).toBe(true)
      expect(mayActNow(c, at({ phase: 'result' }))).toBe(true)
      expect(mayActNow(c, at({ exhibitId: null, phase: null }))).toBe(true)
    }
  })

  it('lobby waits only for the current step or question to be answered', () => {
    expect(mayActNow(lobby, at({ phase: 'step' }))).toBe(false)
    expect(mayActNow(lobby, at({ phase: 'step', answered: true }))).toBe(true)
    expect(mayActNow(lobby, at({ phase: 'quiz', answered: true }))).toBe(true)
  })

  it('pause, resume, join and the end act at once, mid-step included', () => {
    const mid = at({ phase: 'quiz' })
    for (const c of [{ type: 'pause' }, { type: 'resume' }, { type: 'session-ended' }, { type: 'join', sessionId: crypto.randomUUID() }] as Command[]) {
      expect(mayActNow(c, mid)).toBe(true)
    }
  })
})
