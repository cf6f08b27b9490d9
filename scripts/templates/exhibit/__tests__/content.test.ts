import { describe, expect, it } from 'vitest'
import en from '../locales/en.json'
import zh from '../locales/zh-CN.json'

/**
 * This exhibit's own content rules. The contract tests (tests/contract) already check what
 * every exhibit must satisfy: manifest order, 2-4 choices with exactly one right, unique ids,
 * every locale key in both languages, the house style of the texts and a played-through run.
 * Add here what is specific to this lesson, e.g. that a misconception is offered as a wrong
 * answer and why, or that the right phone number is taught.
 */
describe('__ID__ content', () => {
  it('has the scene sign in both languages', () => {
    expect(zh['scene.sign']).toBeTruthy()
    expect(en['scene.sign']).toBeTruthy()
  })
})
