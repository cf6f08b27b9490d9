import { readExhibitData } from '@sophora/sdk/testing'
import { describe, expect, it } from 'vitest'
import { quiz } from '../quiz.ts'
import { steps } from '../steps.ts'

/**
 * What this lesson teaches. The rules every exhibit shares (manifest order, choice counts,
 * ids, locale keys in both languages, house style, a played-through run) are the contract
 * tests' (tests/contract); keys the scene names are type-checked (useExhibit<typeof zh>).
 */
const {
  manifest,
  locales: { 'zh-CN': zh, en },
} = readExhibitData(import.meta.url)

describe('3d-printing content', () => {
  it('plays the print from file to finished part', () => {
    expect(steps.map((s) => s.id)).toEqual(['pick-model', 'nozzle', 'filament', 'layers', 'supports', 'finished'])
    // a photo is not a print file
    expect(steps[0]!.choices.find((c) => c.id === 'file-photo')!.correct).toBe(false)
  })

  it('teaches supports as the fix and cooling before touching', () => {
    const right = (id: string) => steps.find((s) => s.id === id)!.choices.find((c) => c.correct)!.id
    expect(right('supports')).toBe('supports-add')
    expect(right('finished')).toBe('finished-wait-cool')
    expect(zh['feedback.nozzle-melt']).toMatch(/别用手碰/)
    expect(en['feedback.nozzle-melt']).toMatch(/never touch/)
    expect(en['quiz.why-supports.explanation']).toMatch(/45 degrees from vertical/)
    expect(zh['quiz.why-supports.explanation']).toMatch(/从竖直方向斜出超过 45 度/)
    // bridging is the contrast: a short span held at both ends needs no supports
    expect(zh['quiz.why-supports.explanation']).toMatch(/搭桥/)
    expect(en['quiz.why-supports.explanation']).toMatch(/bridging/)
  })

  it('teaches the upside-down T as a right answer and the rules of a running printer', () => {
    const right = (id: string) => quiz.find((q) => q.id === id)!.choices.find((c) => c.correct)!.id
    expect(right('orientation')).toBe('q-flip-t')
    expect(zh['feedback.supports-add']).toMatch(/把 T 倒过来/)
    expect(right('printer-safety')).toBe('q-safe-watch')
    expect(zh['quiz.printer-safety.explanation']).toMatch(/手不要伸进去.*通风.*无人看管/)
    expect(en['quiz.printer-safety.explanation']).toMatch(/keep hands out.*well ventilated.*never leave it running unattended/)
    expect(zh['feedback.filament-ink']).toContain('这台熔融沉积（FDM）打印机')
    expect(zh['narration.intro']).toContain('熔融沉积打印机')
    expect(zh['narration.intro']).not.toMatch(/[A-Za-z]{2,}/) // no letters read aloud
  })

  it('is passed at 5 quiz answers', () => {
    expect(manifest.quiz.pass).toBe(5)
  })
})
