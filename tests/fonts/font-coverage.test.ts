/**
 * The subset font the build makes (src/build/font-plugin.ts) covers every on-screen string, a new
 * exhibit folder gets its characters with no step of its own, and a character no font can draw
 * stops the build naming file and character.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ConfigEnv, Plugin, UserConfig } from 'vite'
import { afterAll, describe, expect, it } from 'vitest'
import { REPO_ROOT, collectFontText, type FontTextSource } from '../../src/build/font-chars.ts'
import { fontCacheDir, fontPlugin, unavailableReport } from '../../src/build/font-plugin.ts'
import { CHARSET_NAME, DOM_FONT_NAME, SCENE_FONT_NAME, ensureSubsetFont, fontFileCodePoints } from '../../src/build/font-subset.ts'

/** One line per source file with the characters the font lacks; empty when all are covered. */
function missingReport(sources: FontTextSource[], font: Set<number>): string[] {
  return sources.flatMap(({ file, chars }) => {
    const missing = [...chars].filter((c) => !font.has(c.codePointAt(0)!))
    return missing.length ? [`${file}: ${missing.join(' ')}`] : []
  })
}

/** Runs the plugin's config hook as Vite would for `command`; returns the alias it sets. */
async function runConfigHook(root: string, command: ConfigEnv['command'], dirs?: string[]): Promise<string> {
  const plugin: Plugin = fontPlugin({ dirs })
  const hook = plugin.config as (c: UserConfig, e: ConfigEnv) => Promise<UserConfig>
  const out = await hook({ root }, { command, mode: 'production' })
  return (out.resolve?.alias as Record<string, string>)['@sophora/font']!
}

describe('subset font made by the build', async () => {
  const text = collectFontText()
  const font = await ensureSubsetFont(text.chars, fontCacheDir(REPO_ROOT))
  const scene = await fontFileCodePoints(join(font.dir, SCENE_FONT_NAME))

  it('has a glyph for every character of every locale and manifest string and of the Chinese in src/', () => {
    expect(missingReport(text.sources, scene)).toEqual([])
    expect(text.sources.filter((s) => s.file.startsWith('exhibits/')).length, 'exhibit strings were read').toBeGreaterThan(10)
    // Pages that keep their Chinese in TypeScript (the dashboard) and the server's report column names.
    const code = text.sources.filter((s) => s.file.startsWith('src/')).map((s) => s.file)
    expect(code).toEqual(expect.arrayContaining(['src/features/dashboard/texts.ts', 'src/server/dashboard/columns.ts']))
  })

  it('covers ASCII, CJK punctuation and assets/fonts/extra-chars.txt', () => {
    expect([...text.chars].filter((c) => !scene.has(c.codePointAt(0)!))).toEqual([])
  })

  it('DOM font (woff2), scene font (woff) and charset file map the same code points', async () => {
    const dom = await fontFileCodePoints(join(font.dir, DOM_FONT_NAME))
    const charset = new Set([...readFileSync(join(font.dir, CHARSET_NAME), 'utf8').replace(/\n$/, '')].map((c) => c.codePointAt(0)!))
    const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b)
    expect(sorted(dom)).toEqual(sorted(scene))
    expect(sorted(charset)).toEqual(sorted(scene))
  })

  it('stays small', () => {
    for (const name of [SCENE_FONT_NAME, DOM_FONT_NAME]) expect(statSync(join(font.dir, name)).size, name).toBeLessThan(1024 * 1024)
  })

  it('is what the Vite plugin points @sophora/font at', async () => {
    expect(await runConfigHook(REPO_ROOT, 'serve')).toBe(font.dir)
  })

  describe('a new exhibit folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'sophora-fonts-'))
    afterAll(() => rmSync(root, { recursive: true, force: true }))
    const exhibit = (id: string, zh: string) => {
      mkdirSync(join(root, 'exhibits', id, 'locales'), { recursive: true })
      writeFileSync(join(root, 'exhibits', id, 'manifest.json'), JSON.stringify({ title: { 'zh-CN': '龘龘', en: 'Dragons' } }))
      writeFileSync(join(root, 'exhibits', id, 'locales', 'zh-CN.json'), JSON.stringify({ 'step.one': zh }))
    }

    it('gets its new characters into the font the build makes, with no step of its own', async () => {
      exhibit('dragon', '火灾逃生靐')
      expect(scene.has('龘'.codePointAt(0)!) || scene.has('靐'.codePointAt(0)!), 'characters new to the project').toBe(false)
      const dir = await runConfigHook(root, 'build')
      const made = await fontFileCodePoints(join(dir, SCENE_FONT_NAME))
      expect(missingReport(collectFontText(root).sources, made)).toEqual([])
      expect(made.has('龘'.codePointAt(0)!) && made.has('靐'.codePointAt(0)!)).toBe(true)
    })

    it('fails the build naming file and character when no glyph exists; dev only warns', async () => {
      exhibit('emoji', '快跑🏃')
      expect(unavailableReport(collectFontText(root))).toEqual(['exhibits/emoji/locales/zh-CN.json: "🏃" (U+1F3C3)'])
      await expect(runConfigHook(root, 'build')).rejects.toThrow(/exhibits\/emoji\/locales\/zh-CN\.json: "🏃"/)
      expect(await runConfigHook(root, 'serve')).toContain(fontCacheDir(root))
    })

    it('reads the e2e fixtures folder when told to, and skips a file that is not JSON', async () => {
      mkdirSync(join(root, 'fixtures', 'broken', 'locales'), { recursive: true })
      writeFileSync(join(root, 'fixtures', 'broken', 'locales', 'zh-CN.json'), '{ not json')
      writeFileSync(join(root, 'fixtures', 'broken', 'manifest.json'), JSON.stringify({ title: '鼎' }))
      const files = collectFontText(root, { exhibitDirs: ['fixtures'], skipInvalid: true }).sources.map((s) => s.file)
      expect(files).toEqual(['fixtures/broken/manifest.json'])
      expect(() => collectFontText(root, { exhibitDirs: ['fixtures'] })).toThrow(/fixtures\/broken\/locales\/zh-CN\.json: not valid JSON/)
    })
  })
})
