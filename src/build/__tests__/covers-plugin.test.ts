import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import type { Plugin } from 'vite'
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

/** An approved first-step picture, as `npm run look -- --approve` writes it. */
async function approvedLook(root: string, id: string): Promise<void> {
  mkdirSync(join(root, 'exhibits', id, 'look'), { recursive: true })
  await sharp({ create: { width: 320, height: 200, channels: 3, background: '#3a7' } })
    .webp({ lossless: true })
    .toFile(join(root, 'exhibits', id, 'look', '01-first.webp'))
}

type Hooks = {
  configResolved(c: unknown): void
  buildStart(): void
  resolveId(id: string): string | undefined
  load(this: unknown, id: string): Promise<string | undefined>
}
function plugin(root: string, command: 'build' | 'serve' = 'build') {
  const lines: string[] = []
  const emitted: { name: string; source: Buffer }[] = []
  const p = coversPlugin({ dirs: ['exhibits'], log: (l) => lines.push(l), render: false }) as Plugin & Hooks
  p.configResolved({ root, command, base: '/', mode: 'production', build: { outDir: 'dist' } })
  const ctx = { emitFile: (f: { name: string; source: Buffer }) => `ref${emitted.push(f)}` }
  /** the module's map, with emitted assets' URLs as `asset:<name>` */
  const pictures = async () => {
    const code = (await p.load.call(ctx, p.resolveId(COVER_PLACEHOLDERS_MODULE)!))!
    const json = code
      .replace(/^export default /, '')
      .replace(/import\.meta\.ROLLUP_FILE_URL_ref(\d+)/g, (_, n: string) => JSON.stringify(`asset:${emitted[Number(n) - 1]!.name}`))
    return JSON.parse(json) as Record<string, string>
  }
  return { p, lines, pictures, emitted }
}

describe('lobby pictures in the build', () => {
  it("takes an exhibit's approved first step as its card picture, leaves an author's cover alone, and gives the rest a placeholder", async () => {
    const root = site(['new-one', 'authored', 'approved'])
    writeFileSync(join(root, 'exhibits/authored/cover.png'), 'author')
    await approvedLook(root, 'approved')
    const { p, lines, pictures, emitted } = plugin(root)
    p.buildStart()
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('exhibits/new-one')
    expect(lines[0]).not.toMatch(/exhibits\/(authored|approved)/)
    expect(lines[0]).toContain(GEN_COVERS)
    const map = await pictures()
    expect(Object.keys(map).sort()).toEqual(['approved', 'new-one'])
    expect(map.approved).toBe('asset:cover-approved.webp')
    // a small lossy card picture, not the lossless thumbnail
    const meta = await sharp(emitted[0]!.source).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 320, 200])
    expect(emitted[0]!.source.length).toBeLessThan(4096)
    const svg = decodeURIComponent(map['new-one']!.replace(/^data:image\/svg\+xml,/, ''))
    expect(svg).toContain('展项&#60;new-one&#62;')
    expect(svg).toContain('Exhibit &#38; new-one')
    expect(svg).toContain('#B7282E')
    expect(svg).toContain('>火</text>')
  })

  it('says nothing when every folder has a picture; the dev server serves the approved picture as it is', async () => {
    const root = site(['a'])
    await approvedLook(root, 'a')
    const built = plugin(root)
    built.p.buildStart()
    expect(built.lines).toEqual([])
    const dev = plugin(root, 'serve')
    dev.p.buildStart()
    expect(dev.lines).toEqual([])
    expect(await dev.pictures()).toEqual({ a: '/exhibits/a/look/01-first.webp' })
    expect(dev.emitted).toEqual([])
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
