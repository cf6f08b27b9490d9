import ReactThreeTestRenderer from '@react-three/test-renderer'
import { act } from 'react'
import { describe, expect, it, vi } from 'vitest'
import type { QuizItem, StepDef } from '../../../core/exhibit-kit.ts'
import { useTapChoice } from '../../hooks.ts'
import { createTestExhibit, strictTranslator } from '../index.ts'

const c = (id: string, correct = false) => ({ id, label: `choice.${id}`, correct, feedback: `feedback.${id}` })
const steps: StepDef[] = [
  { id: 'a', prompt: 'step.a', choices: [c('a-right', true), c('a-wrong')] },
  { id: 'b', prompt: 'step.b', choices: [c('b-right', true), c('b-wrong')] },
]
const quiz: QuizItem[] = [{ id: 'q', question: 'quiz.q', explanation: 'quiz.q.x', choices: [c('q-right', true), c('q-wrong')] }]
const manifest = {
  id: 'x',
  version: 1,
  title: { 'zh-CN': '测试', en: 'Test' },
  summary: { 'zh-CN': '测试', en: 'Test' },
  category: 'science',
  ages: [8, 15],
  minutes: 5,
  stamp: { glyph: '测', color: '#336699', label: { 'zh-CN': '测试', en: 'Test' } },
  steps: ['a', 'b'],
  quiz: { items: ['q'], pass: 1 },
  narration: [],
  modes: ['flat'],
}
const locales = { 'zh-CN': { 'scene.score': '得分 {score}' }, en: { 'scene.score': 'Score {score}' } }

/** One box that is the wrong answer in step a and the right one in step b. */
function Box() {
  const tap = useTapChoice()
  return <mesh name="box" onClick={tap(['a', 'a-wrong'], ['b', 'b-right'])} />
}
function Ball() {
  const tap = useTapChoice()
  return <mesh name="ball" onClick={tap('a', 'a-right')} />
}

describe('@sophora/sdk/testing', () => {
  it('translates from the real tables with {vars}, and throws on a missing key', () => {
    const t = strictTranslator(locales, 'en')
    expect(t('scene.score', { score: 3 })).toBe('Score 3')
    expect(strictTranslator(locales, 'zh-CN')('scene.score', { score: 3 })).toBe('得分 3')
    expect(() => t('scene.nope')).toThrow('locales/en.json has no text for "scene.nope"')
  })

  it('rejects a manifest the schema rejects', () => {
    expect(() => createTestExhibit({ manifest: { ...manifest, category: 'cooking' }, steps, quiz, locales })).toThrow()
  })
})

describe('useTapChoice', () => {
  it('chooses only while its step is open and unanswered, and stops the event only then', async () => {
    const x = createTestExhibit({ manifest, steps, quiz, locales })
    const r = await ReactThreeTestRenderer.create(
      x.provide(
        <>
          <Box />
          <Ball />
        </>,
      ),
    )
    const stop = vi.fn()
    const tap = (name: string) =>
      r.fireEvent(
        r.scene.find((n) => n.instance.name === name),
        'click',
        { stopPropagation: stop },
      )
    const dispatch = (a: Parameters<ReturnType<typeof x.run.getState>['dispatch']>[0]) => act(async () => x.run.getState().dispatch(a))

    await tap('ball') // intro: no step open
    expect(x.chosen).toEqual([])
    expect(stop).not.toHaveBeenCalled()

    await dispatch({ type: 'start' })
    await tap('box')
    expect(x.state().feedback).toMatchObject({ choiceId: 'a-wrong', correct: false })
    await dispatch({ type: 'next' })
    await tap('ball')
    expect(x.state().feedback).toMatchObject({ choiceId: 'a-right', correct: true })
    await tap('box') // step a answered right: taps do nothing until the next step
    expect(x.chosen).toEqual(['a-wrong', 'a-right'])
    expect(stop).toHaveBeenCalledTimes(2)

    await dispatch({ type: 'next' })
    await tap('ball') // belongs to step a only
    await tap('box') // the second pair: right in step b
    await dispatch({ type: 'next' })
    expect(x.state().phase).toBe('quiz')
    await tap('box') // the quiz is answered on the panel, never by the scene
    expect(x.chosen).toEqual(['a-wrong', 'a-right', 'b-right'])
    expect(stop).toHaveBeenCalledTimes(3)
    await r.unmount()
  })
})
