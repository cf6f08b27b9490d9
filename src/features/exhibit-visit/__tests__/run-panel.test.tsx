/** The DOM run panel's feedback: one verdict, the choice's reason, and the right answer after a wrong quiz answer. */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ExhibitContext, QuizItem, StepDef } from '../../../core/exhibit-kit.ts'
import { createRunStore } from '../../../core/run-store.ts'
import type { Visit } from '../../../core/visit.ts'
import { useLangStore } from '../../../i18n/lang-store.ts'
import { RunPanel } from '../run-panel.tsx'

const choice = (id: string, correct = false) => ({ id, label: `choice.${id}`, correct, feedback: `feedback.${id}` })
const steps: StepDef[] = [{ id: 'door', prompt: 'step.door', choices: [choice('door-hand', true), choice('door-open')] }]
const quiz: QuizItem[] = [
  { id: 'lift', question: 'quiz.lift', explanation: 'quiz.lift.x', choices: [choice('q-stairs', true), choice('q-lift'), choice('q-up')] },
]
const text: Record<string, string> = {
  'step.door': '门后着火了吗？',
  'choice.door-hand': '用手背试门',
  'choice.door-open': '马上开门',
  'feedback.door-hand': '手背先感到烫，不会烫伤手心。',
  'feedback.door-open': '门后有火，一开门火和烟就会扑进来。',
  'quiz.lift': '着火时怎样下楼？',
  'quiz.lift.x': '着火时电梯可能断电，要走楼梯。',
  'choice.q-stairs': '走楼梯',
  'choice.q-lift': '坐电梯',
  'choice.q-up': '往楼上跑',
  'feedback.q-stairs': '楼梯间有防火门挡烟。',
  'feedback.q-lift': '电梯可能断电停住，把人困在里面。',
  'feedback.q-up': '烟往上升，越往上越危险。',
}

function visit(): Visit {
  const spec = { steps, quiz, pass: 1 }
  const ctx = {
    t: (k: string) => text[k] ?? k,
    manifest: {
      title: { 'zh-CN': '火灾逃生', en: 'Fire' },
      summary: { 'zh-CN': '练习', en: 'Practice' },
      stamp: { glyph: '火', color: '#b7282e', label: { 'zh-CN': '火', en: 'Fire' } },
    },
  } as unknown as ExhibitContext
  return { ctx, run: createRunStore(spec), spec, dispose() {} }
}

beforeEach(() => useLangStore.setState({ lang: 'zh-CN' }))
afterEach(cleanup)

describe('RunPanel feedback', () => {
  it('a wrong quiz answer: one verdict, why the pick is wrong, the right answer, then the explanation', () => {
    const v = visit()
    render(<RunPanel visit={v} onLobby={() => {}} onAgain={() => {}} />)
    act(() => {
      v.run.getState().dispatch({ type: 'start' })
      v.run.getState().dispatch({ type: 'choose', choiceId: 'door-hand' })
      v.run.getState().dispatch({ type: 'next' })
    })
    fireEvent.click(screen.getByTestId('choice-q-lift'))
    const fb = screen.getByTestId('feedback')
    expect(fb.className).toContain('no')
    expect(fb.querySelector('strong')?.textContent).toBe('不对哦')
    expect(screen.getByTestId('feedback-reason').textContent).toBe('电梯可能断电停住，把人困在里面。')
    expect(screen.getByTestId('right-answer').textContent).toBe('正确答案：走楼梯')
    expect(screen.getByTestId('explanation').textContent).toBe('着火时电梯可能断电，要走楼梯。')
  })

  it('a right quiz answer and a step choice show no right-answer line', () => {
    const v = visit()
    render(<RunPanel visit={v} onLobby={() => {}} onAgain={() => {}} />)
    act(() => v.run.getState().dispatch({ type: 'start' }))
    fireEvent.click(screen.getByTestId('choice-door-open'))
    expect(screen.getByTestId('feedback-reason').textContent).toBe('门后有火，一开门火和烟就会扑进来。')
    expect(screen.queryByTestId('right-answer')).toBeNull()
    expect(screen.queryByTestId('explanation')).toBeNull()
    act(() => {
      v.run.getState().dispatch({ type: 'next' })
      v.run.getState().dispatch({ type: 'choose', choiceId: 'door-hand' })
      v.run.getState().dispatch({ type: 'next' })
    })
    fireEvent.click(screen.getByTestId('choice-q-stairs'))
    expect(screen.getByTestId('feedback').querySelector('strong')?.textContent).toBe('正确！')
    expect(screen.getByTestId('feedback-reason').textContent).toBe('楼梯间有防火门挡烟。')
    expect(screen.queryByTestId('right-answer')).toBeNull()
  })
})

describe('RunPanel focus (keyboard and screen readers follow the flow)', () => {
  it('moves focus to each new prompt, and to "next" once an answer locks the choices', () => {
    const v = visit()
    render(<RunPanel visit={v} onLobby={() => {}} onAgain={() => {}} />)
    const start = screen.getByTestId('run-start')
    start.focus()
    fireEvent.click(start)
    expect(document.activeElement).toBe(screen.getByTestId('prompt'))
    expect(screen.getByRole('group', { name: '门后着火了吗？' })).toBeTruthy()
    fireEvent.click(screen.getByTestId('choice-door-hand'))
    expect(document.activeElement).toBe(screen.getByTestId('run-next'))
    fireEvent.click(screen.getByTestId('run-next'))
    expect(document.activeElement).toBe(screen.getByTestId('prompt'))
    expect(document.activeElement?.textContent).toBe('着火时怎样下楼？')
  })

  it('takes focus on the first render only when it was lost, never from another control', () => {
    const elsewhere = document.createElement('button')
    document.body.append(elsewhere)
    elsewhere.focus()
    render(<RunPanel visit={visit()} onLobby={() => {}} onAgain={() => {}} />)
    expect(document.activeElement).toBe(elsewhere)
    cleanup()
    elsewhere.remove()
    render(<RunPanel visit={visit()} onLobby={() => {}} onAgain={() => {}} />)
    expect(document.activeElement?.textContent).toBe('火灾逃生')
  })
})
