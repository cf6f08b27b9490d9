import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { coverStatus, folderHash } from '../gen-covers.ts'

const dirs: string[] = []
function exhibit(): string {
  const d = mkdtempSync(join(tmpdir(), 'sophora-cover-'))
  dirs.push(d)
  mkdirSync(join(d, 'scene'))
  writeFileSync(join(d, 'manifest.json'), '{"id":"x"}')
  writeFileSync(join(d, 'scene', 'a.tsx'), 'export {}')
  return d
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('gen-covers cache', () => {
  it('renders a folder with no cover, keeps a generated one while the folder is unchanged, renders again after a change', () => {
    const d = exhibit()
    expect(coverStatus(d)).toBe('missing')
    writeFileSync(join(d, 'cover.webp'), 'img')
    writeFileSync(join(d, 'cover.json'), JSON.stringify({ hash: folderHash(d), generated: true }))
    expect(coverStatus(d)).toBe('current')
    // the cover and its tests are not what the picture is made from
    mkdirSync(join(d, '__tests__'))
    writeFileSync(join(d, '__tests__', 't.test.ts'), '')
    expect(coverStatus(d)).toBe('current')
    writeFileSync(join(d, 'scene', 'a.tsx'), 'export const changed = 1')
    expect(coverStatus(d)).toBe('stale')
  })

  it("never replaces the author's own cover (a cover.webp without cover.json)", () => {
    const d = exhibit()
    writeFileSync(join(d, 'cover.webp'), 'author')
    expect(coverStatus(d)).toBe('author')
    const png = exhibit()
    writeFileSync(join(png, 'cover.png'), 'author')
    expect(coverStatus(png)).toBe('author')
  })

  it('a renamed file changes the hash', () => {
    const d = exhibit()
    const before = folderHash(d)
    rmSync(join(d, 'scene', 'a.tsx'))
    writeFileSync(join(d, 'scene', 'b.tsx'), 'export {}')
    expect(folderHash(d)).not.toBe(before)
  })

  it('sources and narration audio do not call for a new picture; a locale text does', () => {
    const d = exhibit()
    const before = folderHash(d)
    writeFileSync(join(d, 'sources.md'), '# Sources\n| S1 | a new source |\n')
    mkdirSync(join(d, 'assets', 'narration'), { recursive: true })
    writeFileSync(join(d, 'assets', 'narration', 'intro.zh-CN.mp3'), 'audio')
    // nor do the approved step pictures (npm run look -- --approve): they are pictures of it
    mkdirSync(join(d, 'look'))
    writeFileSync(join(d, 'look', '01-a.webp'), 'img')
    expect(folderHash(d)).toBe(before)
    mkdirSync(join(d, 'locales'), { recursive: true })
    writeFileSync(join(d, 'locales', 'zh-CN.json'), '{"title":"新"}')
    expect(folderHash(d)).not.toBe(before)
  })
})
