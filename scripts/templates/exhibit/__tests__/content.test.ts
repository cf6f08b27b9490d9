import { describe, expect, it } from 'vitest'
import { steps } from '../steps.ts'

/**
 * What this lesson teaches. The contract tests (tests/contract) already check every exhibit's
 * manifest order, 2-4 choices with exactly one right, unique ids, every locale key in both
 * languages, the house style and a played-through run: test here only the lesson, e.g. that a
 * misconception is offered as a wrong answer, or that the right phone number is taught.
 */
describe('__ID__ content', () => {
  it('teaches looking before touching', () => {
    const right = (id: string) => steps.find((s) => s.id === id)?.choices.find((c) => c.correct)?.id
    expect(right('look')).toBe('look-green')
  })
})
