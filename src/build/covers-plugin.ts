import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Plugin } from 'vite'
import { ManifestSchema, type Manifest } from '../core/manifest-schema.ts'
import { coverStatus, hasCover } from './cover-status.ts'
import { listExhibitFolders } from './exhibit-folders.ts'

export const COVER_PLACEHOLDERS_MODULE = 'virtual:sophora/cover-placeholders'
const RESOLVED = `\0${COVER_PLACEHOLDERS_MODULE}`
/** The one command that renders real pictures (scripts/gen-covers.ts). */
export const GEN_COVERS = 'npm run build && npm run gen:covers && npm run build'

const xml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)
const FONT = `'Noto Sans SC','Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif`

/**
 * A lobby card's picture for an exhibit that has none yet: its stamp (colour and glyph) and
 * its title in both languages, 320×180 like a rendered cover. An SVG of well under 1 KB, so it
 * rides in the lobby's code as a data URL (no extra request, nothing to precache).
 */
export function placeholderSvg(m: Pick<Manifest, 'title' | 'stamp'>): string {
  const color = xml(m.stamp.color)
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 180" width="320" height="180">`,
    `<rect width="320" height="180" fill="#f4f1e8"/><rect width="320" height="180" fill="${color}" opacity=".14"/>`,
    `<circle cx="160" cy="70" r="42" fill="none" stroke="${color}" stroke-width="5"/>`,
    `<text x="160" y="86" text-anchor="middle" font-family="${FONT}" font-size="44" font-weight="700" fill="${color}">${xml(m.stamp.glyph)}</text>`,
    `<text x="160" y="140" text-anchor="middle" font-family="${FONT}" font-size="20" fill="#1f2a24">${xml(m.title['zh-CN'])}</text>`,
    `<text x="160" y="164" text-anchor="middle" font-family="${FONT}" font-size="13" fill="#1f2a24">${xml(m.title.en)}</text>`,
    `</svg>`,
  ].join('')
}

export const svgDataUrl = (svg: string) => `data:image/svg+xml,${encodeURIComponent(svg)}`

/**
 * Lobby pictures as part of every build. Rendering a picture needs the built app in headless
 * Chromium (scripts/gen-covers.ts: ~1 build more plus a few seconds per exhibit), which a
 * build cannot do for itself without building twice; so the build does what costs nothing:
 * an exhibit folder without a picture gets a placeholder made from its stamp and title (a new
 * folder has a card picture with no work), and the build names the folders whose picture is
 * missing or older than their files, with the one command that renders them. An author's own
 * picture (a cover without `cover.json`) is never touched; nothing under exhibits/ is written.
 */
export function coversPlugin(opts: { dirs: string[]; log?: (line: string) => void }): Plugin {
  let root = process.cwd()
  let isBuild = false
  const log = opts.log ?? ((line: string) => console.log(line))
  const folders = () =>
    opts.dirs.flatMap((d) =>
      listExhibitFolders(resolve(root, d))
        .map((f) => join(resolve(root, d), f))
        .filter((f) => existsSync(join(f, 'manifest.json'))),
    )
  return {
    name: 'sophora:covers',
    configResolved(c) {
      root = c.root
      isBuild = c.command === 'build'
    },
    buildStart() {
      if (!isBuild) return
      const todo = folders().flatMap((f) => {
        const s = coverStatus(f)
        return s === 'missing' || s === 'stale' ? [`${f.slice(root.length + 1)} (${s === 'missing' ? 'placeholder' : 'picture older than the folder'})`] : []
      })
      if (todo.length) log(`[sophora] lobby pictures to render: ${todo.join(', ')}. Run: ${GEN_COVERS}`)
    },
    resolveId: (id) => (id === COVER_PLACEHOLDERS_MODULE ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined
      const out: Record<string, string> = {}
      for (const f of folders()) {
        if (hasCover(f)) continue
        let json: unknown
        try {
          json = JSON.parse(readFileSync(join(f, 'manifest.json'), 'utf8'))
        } catch {
          continue // a broken manifest is the exhibits plugin's to report
        }
        const m = ManifestSchema.safeParse(json)
        if (m.success) out[m.data.id] = svgDataUrl(placeholderSvg(m.data))
      }
      return `export default ${JSON.stringify(out)}`
    },
  }
}
