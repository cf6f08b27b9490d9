import type { ExhibitDefinition, QuizItem, StepDef } from '../exhibit-kit.ts'
import type { Manifest } from '../manifest-schema.ts'

export const steps: StepDef[] = ['a', 'b'].map((id) => ({
  id,
  prompt: `p.${id}`,
  cue: id,
  choices: [
    { id: `${id}-ok`, label: 'l', correct: true, feedback: 'good' },
    { id: `${id}-no`, label: 'l', correct: false, feedback: 'why' },
  ],
}))
export const quiz: QuizItem[] = ['q1', 'q2', 'q3'].map((id) => ({
  id,
  question: id,
  explanation: `${id}.x`,
  choices: [
    { id: `${id}-ok`, label: 'l', correct: true, feedback: 'x' },
    { id: `${id}-no`, label: 'l', correct: false, feedback: 'x' },
  ],
}))
export const manifest: Manifest = {
  id: 'demo',
  version: 1,
  title: { 'zh-CN': '演示', en: 'Demo' },
  summary: { 'zh-CN': '演示', en: 'Demo' },
  category: 'science',
  ages: [8, 15],
  minutes: 5,
  stamp: { glyph: '演', color: '#aa0000', label: { 'zh-CN': '章', en: 'Stamp' } },
  steps: ['a', 'b'],
  quiz: { items: ['q1', 'q2', 'q3'], pass: 2 },
  narration: ['intro', 'a', 'b'],
  modes: ['flat', 'vr'],
}
export const def: ExhibitDefinition = { steps, quiz, Scene: () => null }
export const locales = {
  'zh-CN': { 'narration.intro': '你好', 'narration.a': '甲', 'narration.b': '乙' },
  en: { 'narration.intro': 'Hi', 'narration.a': 'A', 'narration.b': 'B' },
}
