import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildInputsHash, isBuildCurrent, STAMP } from '../build-if-stale.ts'

function project() {
  const root = mkdtempSync(join(tmpdir(), 'stamp-'))
  mkdirSync(join(root, 'src/__tests__'), { recursive: true })
  mkdirSync(join(root, 'dist'))
  writeFileSync(join(root, 'src/a.ts'), 'export const a = 1\n')
  writeFileSync(join(root, 'index.html'), '<html></html>')
  writeFileSync(join(root, 'dist/index.html'), '<html></html>')
  return root
}

describe('npm start rebuilds only when dist/ is stale', () => {
  it('is current after a stamp of the same inputs, stale after a source edit or a build env change', () => {
    const root = project()
    expect(isBuildCurrent(root, {})).toBe(false) // no stamp yet
    writeFileSync(join(root, STAMP), buildInputsHash(root, {}))
    expect(isBuildCurrent(root, {})).toBe(true)
    expect(isBuildCurrent(root, { SOPHORA_EXHIBITS: 'fire-escape' })).toBe(false)
    writeFileSync(join(root, 'src/__tests__/x.test.ts'), 'tests are not build inputs\n')
    expect(isBuildCurrent(root, {})).toBe(true)
    writeFileSync(join(root, 'src/a.ts'), 'export const a = 2\n')
    expect(isBuildCurrent(root, {})).toBe(false)
  })
})
