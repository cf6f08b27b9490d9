import { describe, expect, it } from 'vitest'
import { lineWidth, readingMs, splitSubtitle, timeLines, trackMs } from '../subtitle-timing.ts'

describe('splitSubtitle', () => {
  it('puts each Chinese sentence on its own line', () => {
    expect(splitSubtitle('着火了！不要慌张。快跑？')).toEqual(['着火了！', '不要慌张。', '快跑？'])
  })

  it('splits a long Chinese sentence after commas and keeps every line within 22 characters', () => {
    const text = '着火了！不要慌张，用湿毛巾捂住口鼻，弯下腰，沿着墙壁走向安全出口。记住：拨打119报警，说清楚地址和火势情况，然后到空旷安全的地方等待消防员。'
    const lines = splitSubtitle(text)
    expect(lines.join('')).toBe(text)
    for (const l of lines) expect(lineWidth(l)).toBeLessThanOrEqual(22)
    expect(lines[0]).toBe('着火了！')
    expect(lines).toContain('沿着墙壁走向安全出口。')
  })

  it('keeps short sentences whole even when they contain commas', () => {
    expect(splitSubtitle('别怕，跟我走。')).toEqual(['别怕，跟我走。'])
  })

  it('keeps closing quotes with their sentence', () => {
    expect(splitSubtitle('“快跑！”他说。')).toEqual(['“快跑！”', '他说。'])
  })

  it('splits English at sentence ends but not inside numbers, and wraps at words within 60 characters', () => {
    const text = 'Stay calm. The door is 3.5 metres away. Cover your nose and mouth with a wet towel, stay low, and follow the wall to the nearest exit.'
    const lines = splitSubtitle(text)
    expect(lines.slice(0, 2)).toEqual(['Stay calm.', 'The door is 3.5 metres away.'])
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(60)
    expect(lines.join(' ')).toBe(text)
  })

  it('hard-wraps unpunctuated Chinese and English text', () => {
    const zh = '这是一个没有任何标点符号但是非常非常长的句子它需要被强制折行才能显示在屏幕上'
    const zhLines = splitSubtitle(zh)
    expect(zhLines.length).toBe(2)
    expect(zhLines.join('')).toBe(zh)
    const en = 'word '.repeat(40).trim()
    const enLines = splitSubtitle(en)
    expect(enLines.length).toBeGreaterThan(2)
    for (const l of enLines) expect(l.length).toBeLessThanOrEqual(60)
    expect(enLines.join(' ')).toBe(en)
  })

  it('normalises whitespace and returns nothing for blank text', () => {
    expect(splitSubtitle('  \n ')).toEqual([])
    expect(splitSubtitle('Hello\n  world.')).toEqual(['Hello world.'])
  })
})

describe('timeLines', () => {
  it('without audio, gives each line its reading time at 4 CJK / 14 Latin chars per second, at least 1.2 s', () => {
    const t = timeLines(['不要慌张，弯下腰走。', 'Go!'])
    expect(t[0]).toEqual({ text: '不要慌张，弯下腰走。', startMs: 0, durationMs: 2500 })
    expect(t[1]).toEqual({ text: 'Go!', startMs: 2500, durationMs: 1200 })
    expect(trackMs(t)).toBe(3700)
  })

  it('with audio, fills exactly the audio duration, longer lines getting more time', () => {
    const lines = ['着火了！', '用湿毛巾捂住口鼻，弯下腰，沿着墙壁走。']
    const t = timeLines(lines, 9000)
    expect(t[0]!.startMs).toBe(0)
    expect(t[1]!.startMs).toBe(t[0]!.durationMs)
    expect(trackMs(t)).toBeCloseTo(9000, -1)
    expect(t[1]!.durationMs).toBeGreaterThan(2 * t[0]!.durationMs)
  })

  it('falls back to reading time when the duration is unknown', () => {
    expect(timeLines(['你好。'], NaN)).toEqual(timeLines(['你好。']))
    expect(timeLines(['你好。'], 0)).toEqual(timeLines(['你好。']))
  })

  it('reads CJK slower per character than Latin', () => {
    expect(readingMs('火')).toBe(250)
    expect(readingMs('abcdefghijklmn')).toBeCloseTo(1000)
  })
})
