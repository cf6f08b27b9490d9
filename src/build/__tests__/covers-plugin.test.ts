import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Plugin } from 'vite'
import { coverStampJson } from '../cover-status.ts'
import { COVER_PLACEHOLDERS_MODULE, coversPlugin, GEN_COVERS, placeholderSvg } from '../covers-plugin.ts'

const roots: string[] = []
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true })
})

/** A Vite root with exhibits/ holding copies of fire-escape's manifest under new ids. */
function site(ids: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'sophora-covers-plugin-'))
  roots.push(root)
  const manifest = JSON.parse(readFileSync('exhibits/fire-escape/manifest.json', 'utf8')) as { id: string; title: Record<string, string> }
  for (const id of ids) {
    cpSync('exhibits/fire-escape/manifest.json', join(root, 'exhibits', id, 'manifest.json'))
    writeFileSync(join(root, 'exhibits', id, 'manifest.json'), JSON.stringify({ ...manifest, id, title: { 'zh-CN': `展项<${id}>`, en: `Exhibit & ${id}` } }))
  }
  return root
}

type Hooks = { configResolved(c: unknown): void; buildStart(): void; resolveId(id: string): string | undefined; load(id: string): string | undefined }
function plugin(root: string, command: 'build' | 'serve' = 'build') {
  const lines: string[] = []
  const p = coversPlugin({ dirs: ['exhibits'], log: (l) => lines.push(l) }) as Plugin & Hooks
  p.configResolved({ root, command })
  const placeholders = () => {
    const code = p.load(p.resolveId(COVER_PLACEHOLDERS_MODULE)!)!
    return JSON.parse(code.replace(/^export default /, '')) as Record<string, string>
  }
  return { p, lines, placeholders }
}

describe('lobby pictures in the build', () => {
  it('gives a folder without a picture a placeholder from its stamp and title, and names it with the command', () => {
    const root = site(['new-one', 'authored', 'rendered', 'changed'])
    writeFileSync(join(root, 'exhibits/authored/cover.png'), 'author')
    for (const id of ['rendered', 'changed']) {
      writeFileSync(join(root, `exhibits/${id}/cover.webp`), 'img')
      writeFileSync(join(root, `exhibits/${id}/cover.json`), coverStampJson(join(root, 'exhibits', id)))
    }
    writeFileSync(join(root, 'exhibits/changed/steps.ts'), 'export const steps = []')
    const { p, lines, placeholders } = plugin(root)
    p.buildStart()
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('exhibits/new-one (placeholder)')
    expect(lines[0]).toContain('exhibits/changed (picture older than the folder)')
    expect(lines[0]).not.toMatch(/authored|rendered/)
    expect(lines[0]).toContain(GEN_COVERS)
    // only the folder with no picture at all: an older rendered picture still shows the scene
    const ph = placeholders()
    expect(Object.keys(ph)).toEqual(['new-one'])
    const svg = decodeURIComponent(ph['new-one']!.replace(/^data:image\/svg\+xml,/, ''))
    expect(svg).toContain('展项&#60;new-one&#62;')
    expect(svg).toContain('Exhibit &#38; new-one')
    expect(svg).toContain('#B7282E')
    expect(svg).toContain('>火</text>')
  })

  it('says nothing when every picture is current, and the dev server never lists folders', () => {
    const root = site(['a'])
    writeFileSync(join(root, 'exhibits/a/cover.webp'), 'img')
    writeFileSync(join(root, 'exhibits/a/cover.json'), coverStampJson(join(root, 'exhibits/a')))
    const built = plugin(root)
    built.p.buildStart()
    expect(built.lines).toEqual([])
    const dev = plugin(site(['b']), 'serve')
    dev.p.buildStart()
    expect(dev.lines).toEqual([])
    expect(Object.keys(dev.placeholders())).toEqual(['b'])
  })

  it('makes a placeholder of well under a kilobyte, so it can ride in the lobby code', () => {
    const svg = placeholderSvg({
      title: { 'zh-CN': '火灾逃生', en: 'Fire Escape' },
      stamp: { glyph: '火', color: '#B7282E', label: { 'zh-CN': 'x', en: 'x' } },
    })
    expect(svg.length).toBeLessThan(1024)
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 320 180"/)
  })
})
