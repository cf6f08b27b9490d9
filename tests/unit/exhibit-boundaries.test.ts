import { describe, expect, it } from 'vitest'
import { importViolations } from '../contract/boundaries.ts'

/** Exhibits may import from the project only the SDK; npm packages for 3D/React are allowed. */
describe('exhibit import boundary', () => {
  it('every exhibit imports only the SDK from the project', () => {
    expect(importViolations('exhibits')).toEqual([])
    expect(importViolations('tests/fixtures/exhibits')).toEqual([])
  })

  it('catches an import that reaches into src/ or an unlisted package', () => {
    // The rule itself is exercised on broken temp folders in tests/contract/checks.test.ts.
    expect(importViolations('tests/unit/fixtures/bad-exhibits')).toEqual([
      expect.stringMatching(/sneaky\/index\.ts imports "\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/src\/app\/app\.tsx": outside its own folder/),
      expect.stringMatching(/sneaky\/index\.ts imports "howler": not allowed/),
    ])
  })
})
