import { readExhibitData } from '@sophora/sdk/testing'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { BINS, ITEMS } from '../items.ts'
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
const sceneSource = ['bins.tsx', 'item-prop.tsx', 'scoreboard.tsx', 'sorting-scene.tsx']
  .map((f) => readFileSync(new URL(`../scene/${f}`, import.meta.url), 'utf8'))
  .join('\n')
const correctOf = (stepId: string) => steps.find((s) => s.id === stepId)?.choices.find((c) => c.correct)?.id

describe('waste-sorting content', () => {
  it('has at least 30 item steps', () => {
    expect(steps.length).toBeGreaterThanOrEqual(30)
    for (const s of steps) expect(s.id).toMatch(/^item-[a-z0-9-]+$/)
  })

  it('offers the four bins on every step, the item’s own bin right', () => {
    for (const [i, s] of steps.entries()) {
      const key = ITEMS[i]!.key
      expect(
        s.choices.map((c) => c.id),
        s.id,
      ).toEqual(BINS.map((b) => `${key}-${b}`))
      expect(
        s.choices.map((c) => c.label),
        s.id,
      ).toEqual(BINS.map((b) => `bin.${b}`))
      expect(s.choices.find((c) => c.correct)!.id).toBe(`${key}-${ITEMS[i]!.bin}`)
    }
  })

  it('uses every category, several times each', () => {
    for (const b of BINS) expect(ITEMS.filter((it) => it.bin === b).length, b).toBeGreaterThanOrEqual(5)
  })

  it('sorts the tricky items into the bin the national standard and city guides give', () => {
    const expected: Record<string, string> = {
      'item-rechargeable-battery': 'rechargeable-battery-hazardous',
      'item-button-battery': 'button-battery-hazardous',
      'item-used-tissue': 'used-tissue-residual',
      'item-big-bone': 'big-bone-residual',
      'item-fish-bone': 'fish-bone-food',
      'item-chicken-bone': 'chicken-bone-food',
      'item-milk-carton': 'milk-carton-recyclable',
      'item-expired-medicine': 'expired-medicine-hazardous',
      'item-fluorescent-tube': 'fluorescent-tube-hazardous',
      'item-paint-can': 'paint-can-hazardous',
      'item-thermometer': 'thermometer-hazardous',
      'item-fruit-peel': 'fruit-peel-food',
      'item-tea-leaves': 'tea-leaves-food',
      'item-eggshell': 'eggshell-food',
      'item-nut-shells': 'nut-shells-food',
      'item-plastic-bottle': 'plastic-bottle-recyclable',
      'item-glass-bottle': 'glass-bottle-recyclable',
      'item-old-clothes': 'old-clothes-recyclable',
      'item-newspaper': 'newspaper-recyclable',
      'item-metal-can': 'metal-can-recyclable',
      'item-cigarette-butt': 'cigarette-butt-residual',
      'item-ceramic-bowl': 'ceramic-bowl-residual',
      'item-diaper': 'diaper-residual',
      'item-dust': 'dust-residual',
      'item-greasy-takeaway-box': 'greasy-takeaway-box-residual',
    }
    for (const [stepId, choiceId] of Object.entries(expected)) expect(correctOf(stepId), stepId).toBe(choiceId)
    // the wording makes the answer unambiguous; the explanations carry the nuances
    expect(zh['item.rechargeable-battery']).toContain('充电电池')
    expect(zh['feedback.rechargeable-battery-hazardous']).toContain('无汞干电池')
    expect(en['feedback.rechargeable-battery-hazardous']).toMatch(/dry cells/)
    expect(zh['item.greasy-takeaway-box']).toBe('油污的外卖盒')
    expect(zh['item.thermometer']).toContain('水银')
    expect(zh['feedback.big-bone-food']).toContain('硬')
  })

  it('narrates a few steps besides the intro and the outro', () => {
    const cues = steps.flatMap((s) => (s.cue ? [s.cue] : []))
    expect(cues.length).toBeGreaterThan(0)
    expect(cues.length).toBeLessThanOrEqual(5)
  })

  it('names every item and bin in both languages, and the scene uses several texts', () => {
    const sceneKeys = [...sceneSource.matchAll(/t\(\s*'([a-z0-9.-]+)'/g)].map((m) => m[1]!)
    expect(sceneKeys.length).toBeGreaterThan(3)
    const used = [...ITEMS.map((it) => `item.${it.key}`), ...BINS.map((b) => `scene.bin.${b}`)]
    for (const key of used) {
      expect(zh[key], `zh-CN: ${key}`).toBeTruthy()
      expect(en[key], `en: ${key}`).toBeTruthy()
    }
    expect(zh['scene.score']).toBe('得分 {score} / {total}')
  })

  it('keeps prompts short and says where a wrongly sorted item goes', () => {
    for (const s of steps) {
      expect(zh[s.prompt]!.length, s.id).toBeLessThanOrEqual(24)
      expect(zh[s.prompt]).toContain('这个应该扔进哪个桶？')
      expect(en[s.prompt]).toMatch(/which bin does this go in\?$/)
      for (const c of s.choices.filter((x) => !x.correct)) {
        expect(zh[c.feedback], c.id).toContain(`的${zh[`scene.bin.${ITEMS.find((it) => s.id === `item-${it.key}`)!.bin}`]}桶`)
      }
    }
  })

  it('asks quiz questions with q- choice ids and explains the colours and the green bin', () => {
    for (const q of quiz)
      expect(
        q.choices.every((c) => c.id.startsWith('q-')),
        q.id,
      ).toBe(true)
    expect(zh['quiz.colours.explanation']).toMatch(/蓝色.*红色.*绿色.*灰色/)
    // the green bin is about rotting quickly, not about feeling wet or coming from the kitchen
    expect(zh['quiz.green-bin.explanation']).toMatch(/容易腐烂.*湿纸巾是其他垃圾/)
    expect(en['quiz.green-bin.explanation']).toMatch(/rots quickly.*wet wipes are residual/)
  })

  it('never gives "it does not rot" as the reason a recyclable is not food waste', () => {
    for (const it of ITEMS.filter((x) => x.bin === 'recyclable')) {
      expect(zh[`feedback.${it.key}-food`], it.key).not.toMatch(/不会腐烂|不容易腐烂/)
      expect(en[`feedback.${it.key}-food`], it.key).not.toMatch(/doesn't rot|does not rot/)
      expect(zh[`feedback.${it.key}-food`], it.key).toMatch(/容易腐烂的厨房垃圾.*回收/)
    }
  })

  it('calls no battery chemical a heavy metal unless it is one, and sends e-bike batteries to the seller', () => {
    // lithium was once listed among the heavy metals
    for (const text of Object.values(zh)) expect(text).not.toMatch(/镍、镉、锂等重金属|锂等重金属/)
    for (const text of Object.values(en)) expect(text).not.toMatch(/such as nickel, cadmium and lithium|lithium is a heavy metal/)
    expect(zh['feedback.rechargeable-battery-hazardous']).toContain('镉、镍等重金属，锂电池里还有锂等有害的化学物质')
    expect(en['feedback.rechargeable-battery-hazardous']).toContain('heavy metals such as cadmium and nickel, and lithium batteries contain lithium')
    expect(zh['feedback.rechargeable-battery-hazardous']).toMatch(/电动自行车.*销售商/)
    expect(en['quiz.battery.explanation']).toMatch(/e-bike battery goes back to the seller/)
  })

  it('names no bin in the narration (centers rename bins; the audio is made once)', () => {
    for (const cue of manifest.narration) {
      for (const b of BINS) expect(zh[`narration.${cue}`], cue).not.toContain(zh[`scene.bin.${b}`]!)
    }
  })

  it('is a science exhibit with the 分 stamp, passed at 4 quiz answers', () => {
    expect(manifest.category).toBe('science')
    expect(manifest.stamp.glyph).toBe('分')
    expect(manifest.quiz.pass).toBe(4)
  })
})
