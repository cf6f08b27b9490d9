import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { quiz } from '../quiz.ts'
import { steps } from '../steps.ts'

/**
 * This exhibit's own content rules. The platform's contract tests (tests/contract) already
 * check what every exhibit must satisfy; add here what is specific to this one, e.g. that a
 * misconception is offered as a wrong answer, or that the right phone number is taught.
 */
const dir = join(dirname(fileURLToPath(import.meta.url)), '..')
const json = (p: string) => JSON.parse(readFileSync(join(dir, p), 'utf8')) as Record<string, unknown>
const manifest = json('manifest.json') as { steps: string[]; quiz: { items: string[] } }
const zh = json('locales/zh-CN.json') as Record<string, string>
const en = json('locales/en.json') as Record<string, string>

describe('__ID__ content', () => {
  it('plays the steps and quiz in the manifest order', () => {
    expect(steps.map((s) => s.id)).toEqual(manifest.steps)
    expect(quiz.map((q) => q.id)).toEqual(manifest.quiz.items)
  })

  it('gives every step 2-4 choices and every quiz item 3-4, with exactly one correct', () => {
    for (const s of steps) {
      expect(s.choices.length, s.id).toBeGreaterThanOrEqual(2)
      expect(s.choices.length, s.id).toBeLessThanOrEqual(4)
      expect(s.choices.filter((c) => c.correct), s.id).toHaveLength(1)
    }
    for (const q of quiz) {
      expect(q.choices.length, q.id).toBeGreaterThanOrEqual(3)
      expect(q.choices.length, q.id).toBeLessThanOrEqual(4)
      expect(q.choices.filter((c) => c.correct), q.id).toHaveLength(1)
    }
  })

  it('has the scene sign in both languages', () => {
    expect(zh['scene.sign']).toBeTruthy()
    expect(en['scene.sign']).toBeTruthy()
  })
})
