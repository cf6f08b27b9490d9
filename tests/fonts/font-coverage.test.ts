/**
 * The committed subset font covers every on-screen string. Fails when someone adds a string
 * with a new character without running `npm run gen:font`, and names the file and characters.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as hb from 'harfbuzzjs'
import { afterAll, describe, expect, it } from 'vitest'
import { CHARSET_FILE, DOM_FONT_FILE, REPO_ROOT, SCENE_FONT_FILE, collectFontText, type FontTextSource } from '../../scripts/font-chars.ts'

// fontverter comes with subset-font (the generator's dependency): WOFF/WOFF2 -> sfnt for harfbuzz.
const require = createRequire(import.meta.url)
const fontverter = createRequire(require.resolve('subset-font'))('fontverter') as {
  convert(font: Buffer, to: 'sfnt'): Promise<Buffer>
}

async function codePointsOf(file: string): Promise<Set<number>> {
  const sfnt = await fontverter.convert(readFileSync(join(REPO_ROOT, file)), 'sfnt')
  return new Set(new hb.Face(new hb.Blob(sfnt), 0).collectUnicodes())
}

/** One line per source file with the characters the font lacks; empty when all are covered. */
function missingReport(sources: FontTextSource[], font: Set<number>): string[] {
  return sources.flatMap(({ file, chars }) => {
    const missing = [...chars].filter((c) => !font.has(c.codePointAt(0)!))
    return missing.length ? [`${file}: ${missing.join(' ')}`] : []
  })
}

const message = (lines: string[]) =>
  `the subset font lacks characters used in strings:\n  ${lines.join('\n  ')}\n` +
  `run npm run gen:font (needs fonts-noto-cjk) and commit assets/fonts/. If they are still ` +
  `missing afterwards, Noto Sans CJK SC has no glyph for them (e.g. emoji): rephrase the string.`

describe('subset font coverage', async () => {
  const scene = await codePointsOf(SCENE_FONT_FILE)

  it('has a glyph for every character of every locale and manifest string', () => {
    const lines = missingReport(collectFontText().sources, scene)
    expect(lines, message(lines)).toEqual([])
  })

  it('covers ASCII, CJK punctuation and assets/fonts/extra-chars.txt', () => {
    const missing = [...collectFontText().chars].filter((c) => !scene.has(c.codePointAt(0)!))
    expect(missing, message([`required set: ${missing.join(' ')}`])).toEqual([])
  })

  it('DOM font (woff2), scene font (woff) and charset file map the same code points', async () => {
    const dom = await codePointsOf(DOM_FONT_FILE)
    const charset = new Set([...readFileSync(join(REPO_ROOT, CHARSET_FILE), 'utf8').replace(/\n$/, '')].map((c) => c.codePointAt(0)!))
    const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b)
    expect(sorted(dom), 'run npm run gen:font').toEqual(sorted(scene))
    expect(sorted(charset), 'run npm run gen:font').toEqual(sorted(scene))
  })

  it('stays small', () => {
    for (const file of [SCENE_FONT_FILE, DOM_FONT_FILE]) {
      expect(readFileSync(join(REPO_ROOT, file)).length, file).toBeLessThan(1024 * 1024)
    }
  })

  describe('the check itself', () => {
    const root = mkdtempSync(join(tmpdir(), 'sophora-fonts-'))
    afterAll(() => rmSync(root, { recursive: true, force: true }))

    it('finds a new string in an exhibit locale and manifest, even without src/i18n', () => {
      mkdirSync(join(root, 'exhibits', 'dragon', 'locales'), { recursive: true })
      writeFileSync(join(root, 'exhibits', 'dragon', 'manifest.json'), JSON.stringify({ title: { 'zh-CN': '龘龘', en: 'Dragons' } }))
      writeFileSync(join(root, 'exhibits', 'dragon', 'locales', 'zh-CN.json'), JSON.stringify({ 'step.one': '火灾逃生靐' }))
      const lines = missingReport(collectFontText(root).sources, scene)
      expect(lines).toEqual(['exhibits/dragon/manifest.json: 龘', 'exhibits/dragon/locales/zh-CN.json: 靐'])
      expect(message(lines)).toContain('run npm run gen:font')
    })
  })
})
