import { describe, expect, it } from 'vitest'
import { errorBelongsToExhibit, exhibitChunkFileName } from '../crash-attribution.ts'

const errWithStack = (stack: string) => Object.assign(new Error('x'), { stack })

describe('crash attribution', () => {
  it('blames the exhibit for errors thrown from its chunk or its source folder', () => {
    expect(errorBelongsToExhibit(errWithStack('Error: x\n    at tick (http://127.0.0.1:8080/assets/exhibit-fire-escape.Ab3d_9.js:1:200)'), 'fire-escape')).toBe(
      true,
    )
    expect(
      errorBelongsToExhibit(errWithStack('Error: x\n    at Scene (http://localhost:5173/exhibits/fire-escape/scene/fire-scene.tsx:12:3)'), 'fire-escape'),
    ).toBe(true)
    expect(errorBelongsToExhibit('boom', 'broken-exhibit', 'http://h/assets/exhibit-broken-exhibit.x1.js')).toBe(true)
  })
  it('does not blame it for shell, audio or sync errors, or another exhibit with a longer id', () => {
    expect(errorBelongsToExhibit(errWithStack('Error: x\n    at play (http://h/assets/index.Qw12.js:1:9)'), 'fire-escape')).toBe(false)
    expect(errorBelongsToExhibit(errWithStack('Error: x\n    at (http://h/assets/exhibit-fire-escape.Qw12.js:1:9)'), 'fire')).toBe(false)
    expect(errorBelongsToExhibit(new Error('no stack frames of the exhibit'), 'fire-escape')).toBe(false)
    expect(errorBelongsToExhibit(undefined, 'fire-escape')).toBe(false)
  })
  it("names an exhibit's entry chunk after the exhibit and leaves other chunks alone", () => {
    expect(exhibitChunkFileName('/repo/exhibits/flood-typhoon/index.ts')).toBe('assets/exhibit-flood-typhoon.[hash].js')
    expect(exhibitChunkFileName('/repo/tests/fixtures/exhibits/broken-exhibit/index.ts')).toBe('assets/exhibit-broken-exhibit.[hash].js')
    expect(exhibitChunkFileName('/repo/src/app/main.tsx')).toBeUndefined()
    expect(exhibitChunkFileName(null)).toBeUndefined()
  })
})
