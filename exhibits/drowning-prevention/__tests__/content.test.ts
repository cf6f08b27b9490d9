import { readExhibitData } from '@sophora/sdk/testing'
import { describe, expect, it } from 'vitest'
import { quiz } from '../quiz.ts'
import { steps } from '../steps.ts'

/**
 * What this lesson teaches. The rules every exhibit shares (choice counts, ids, locale keys in
 * both languages, house style, a played-through run) are the contract tests'.
 */
const {
  locales: { 'zh-CN': zh, en },
} = readExhibitData(import.meta.url)
const all = [...steps, ...quiz]
const right = (id: string) => all.find((x) => x.id === id)!.choices.find((c) => c.correct)!.id
const wrong = new Set(all.flatMap((x) => x.choices.filter((c) => !c.correct).map((c) => c.id)))

describe('drowning-prevention content', () => {
  it('refuses the swim, spots the quiet child, calls first, then helps from the bank', () => {
    expect(steps.map((s) => right(s.id))).toEqual(['invite-refuse-tell', 'spot-quiet', 'call-shout-110', 'reach-throw-ring'])
  })

  it('offers the real misconceptions as wrong answers', () => {
    // 会游泳就能去野外水域, 溺水的人会大声呼救挥手, 手拉手去救, 跳下去救最快, 人多就安全, 套上救生圈下水
    for (const id of [
      'q-swimmer-wild',
      'q-silent-shouts',
      'q-chain-yes',
      'q-jump-fastest',
      'q-friends-many',
      'q-ring-wear',
      'call-jump-in',
      'call-hand-chain',
      'spot-splashing',
      'spot-waving',
    ]) {
      expect(wrong, id).toContain(id)
    }
    expect(zh['choice.q-swimmer-wild']).toContain('会游泳就能去野外水域')
    expect(zh['choice.q-jump-fastest']).toContain('跳下去救')
    expect(zh['choice.call-hand-chain']).toContain('手拉手')
  })

  it('teaches the 六不 rules and cites them in the quiz explanations', () => {
    const rules = ['不私自下水游泳', '不擅自与他人结伴游泳', '不到没有安全设施、没有救援人员的水域游泳']
    for (const r of rules) expect(zh['feedback.invite-refuse-tell']).toContain(r)
    expect(zh['quiz.friends-together.explanation']).toContain('不擅自与他人结伴游泳')
    expect(zh['quiz.good-swimmer.explanation']).toContain('家长或老师带领')
    expect(zh['quiz.hand-chain.explanation']).toContain('不要手拉手')
  })

  it('calls 110 in both languages, and never teaches jumping in', () => {
    for (const t of [zh, en]) {
      expect(t['choice.call-shout-110']).toContain('110')
      expect(t['narration.outro']).toContain('110')
    }
    const rightTexts = all.map((x) => zh[`choice.${right(x.id)}`]!)
    for (const text of rightTexts) expect(text).not.toMatch(/跳下去|游过去|手拉手/)
  })

  it('describes silent drowning: no shouting, no waving, mouth at the waterline', () => {
    expect(zh['choice.spot-quiet']).toMatch(/嘴巴在水面/)
    expect(zh['quiz.silent.explanation']).toMatch(/悄无声息/)
    expect(en['quiz.silent.explanation']).toMatch(/silent/)
  })
})
