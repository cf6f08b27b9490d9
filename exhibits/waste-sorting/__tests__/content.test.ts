import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { initialRun, isPassed, reduceRun, type RunSpec, type RunState } from '../../../src/core/exhibit-run.ts'
import { validateExhibitFiles } from '../../../src/core/validate.ts'
import { BINS, ITEMS } from '../items.ts'
import { quiz } from '../quiz.ts'
import { steps } from '../steps.ts'

const dir = join(dirname(fileURLToPath(import.meta.url)), '..')
const read = (p: string) => readFileSync(join(dir, p), 'utf8')
const readIf = (p: string) => (existsSync(join(dir, p)) ? read(p) : undefined)
const zh = JSON.parse(read('locales/zh-CN.json')) as Record<string, string>
const en = JSON.parse(read('locales/en.json')) as Record<string, string>
const manifest = JSON.parse(read('manifest.json')) as { steps: string[]; quiz: { items: string[]; pass: number }; narration: string[] }
const sceneSource = ['bins.tsx', 'item-prop.tsx', 'scoreboard.tsx', 'sorting-scene.tsx'].map((f) => read(`scene/${f}`)).join('\n')

const allChoices = [...steps.flatMap((s) => s.choices), ...quiz.flatMap((q) => q.choices)]
const correctOf = (stepId: string) => steps.find((s) => s.id === stepId)?.choices.find((c) => c.correct)?.id

describe('waste-sorting content', () => {
  it('has at least 30 item steps, matching the manifest', () => {
    expect(steps.length).toBeGreaterThanOrEqual(30)
    for (const s of steps) expect(s.id).toMatch(/^item-[a-z0-9-]+$/)
    expect(manifest.steps).toEqual(steps.map((s) => s.id))
    expect(manifest.quiz.items).toEqual(quiz.map((q) => q.id))
  })

  it('offers the four bins on every step, exactly one of them right', () => {
    for (const [i, s] of steps.entries()) {
      const key = ITEMS[i]!.key
      expect(s.choices.map((c) => c.id), s.id).toEqual(BINS.map((b) => `${key}-${b}`))
      expect(s.choices.map((c) => c.label), s.id).toEqual(BINS.map((b) => `bin.${b}`))
      expect(s.choices.filter((c) => c.correct), s.id).toHaveLength(1)
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

  it('uses unique choice ids across the whole exhibit', () => {
    const ids = allChoices.map((c) => c.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('narrates the intro, a few steps and the outro', () => {
    expect(manifest.narration).toEqual(expect.arrayContaining(['intro', 'outro']))
    const cues = steps.flatMap((s) => (s.cue ? [s.cue] : []))
    expect(cues.length).toBeGreaterThan(0)
    expect(cues.length).toBeLessThanOrEqual(5)
    for (const c of cues) expect(manifest.narration).toContain(c)
  })

  it('has every referenced locale key in both languages, with the same key set', () => {
    const sceneKeys = [...sceneSource.matchAll(/t\(\s*'([a-z0-9.-]+)'/g)].map((m) => m[1]!)
    expect(sceneKeys.length).toBeGreaterThan(3)
    const used = [
      ...steps.map((s) => s.prompt),
      ...quiz.flatMap((q) => [q.question, q.explanation]),
      ...allChoices.flatMap((c) => [c.label, c.feedback]),
      ...manifest.narration.map((n) => `narration.${n}`),
      ...ITEMS.map((it) => `item.${it.key}`),
      ...BINS.map((b) => `scene.bin.${b}`),
      ...sceneKeys,
      'intro.title', 'intro.body',
    ]
    for (const key of used) {
      expect(zh[key], `zh-CN: ${key}`).toBeTruthy()
      expect(en[key], `en: ${key}`).toBeTruthy()
    }
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort())
    expect(zh['scene.score']).toBe('得分 {score} / {total}')
  })

  it('keeps prompts short and explains every wrong bin (why not, and where it goes)', () => {
    for (const s of steps) {
      expect(zh[s.prompt]!.length, s.id).toBeLessThanOrEqual(24)
      expect(zh[s.prompt]).toContain('这个应该扔进哪个桶？')
      expect(en[s.prompt]).toMatch(/which bin does this go in\?$/)
      const right = s.choices.find((c) => c.correct)!
      expect(zh[right.feedback]!.startsWith('对！'), right.id).toBe(true)
      for (const c of s.choices.filter((x) => !x.correct)) {
        expect(c.feedback).not.toBe(right.feedback)
        expect(zh[c.feedback]!.startsWith('不对'), c.id).toBe(true)
        expect(en[c.feedback]!.startsWith('No.'), c.id).toBe(true)
        expect(zh[c.feedback], c.id).toContain(`的${zh[`scene.bin.${ITEMS.find((it) => s.id === `item-${it.key}`)!.bin}`]}桶`)
      }
    }
  })

  it('writes zh-CN in Chinese and keeps narration to at most 3 sentences', () => {
    for (const [k, v] of Object.entries(zh)) expect(/[\u4e00-\u9fff]/.test(v), `zh-CN ${k}`).toBe(true)
    for (const cue of manifest.narration) {
      const sentences = (zh[`narration.${cue}`] ?? '').split(/[。！？]/).filter((s) => s.trim())
      expect(sentences.length, cue).toBeLessThanOrEqual(3)
    }
  })

  it('has a quiz of at least 6 items, 3-4 choices, one right, explained', () => {
    expect(quiz.length).toBeGreaterThanOrEqual(6)
    for (const q of quiz) {
      expect(q.choices.length, q.id).toBeGreaterThanOrEqual(3)
      expect(q.choices.length, q.id).toBeLessThanOrEqual(4)
      expect(q.choices.filter((c) => c.correct), q.id).toHaveLength(1)
      expect(q.choices.every((c) => c.id.startsWith('q-')), q.id).toBe(true)
    }
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

  it('passes the platform folder validation', () => {
    const { problems, manifest: m } = validateExhibitFiles({
      folder: 'waste-sorting',
      manifest: read('manifest.json'),
      locales: { 'zh-CN': readIf('locales/zh-CN.json'), en: readIf('locales/en.json') },
      hasIndex: existsSync(join(dir, 'index.ts')),
      sources: readIf('sources.md'),
    })
    expect(problems).toEqual([])
    expect(m?.category).toBe('science')
    expect(m?.stamp.glyph).toBe('分')
    expect(m?.quiz.pass).toBe(4)
  })
})

describe('waste-sorting run', () => {
  const spec: RunSpec = { steps, quiz, pass: manifest.quiz.pass }
  const play = (s: RunState, choiceId: string) => reduceRun(spec, s, { type: 'choose', choiceId })
  const next = (s: RunState) => reduceRun(spec, s, { type: 'next' })

  function sortAll(): RunState {
    let s = reduceRun(spec, initialRun(0), { type: 'start' })
    s = play(s, 'plastic-bottle-residual')
    expect(s.feedback).toMatchObject({ correct: false, text: 'feedback.plastic-bottle-residual' })
    s = next(s)
    for (const step of steps) {
      expect(steps[s.stepIndex]!.id).toBe(step.id)
      s = next(play(s, step.choices.find((c) => c.correct)!.id))
    }
    expect(s.phase).toBe('quiz')
    expect(s.completedSteps).toHaveLength(steps.length)
    expect(s.mistakes).toBe(1)
    return s
  }

  function answerQuiz(s: RunState, rightCount: number): RunState {
    quiz.forEach((q, i) => {
      s = next(play(s, q.choices.find((x) => (i < rightCount ? x.correct : !x.correct))!.id))
    })
    return s
  }

  it('passes with 4 correct quiz answers', () => {
    const s = answerQuiz(sortAll(), 4)
    expect(s.phase).toBe('result')
    expect(isPassed(spec, s)).toBe(true)
  })

  it('does not pass with 3 correct quiz answers', () => {
    const s = answerQuiz(sortAll(), 3)
    expect(s.score).toBe(3)
    expect(isPassed(spec, s)).toBe(false)
  })
})
