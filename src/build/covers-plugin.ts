import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import sharp from 'sharp'
import type { Plugin } from 'vite'
import { ManifestSchema, type Manifest } from '../core/manifest-schema.ts'
import { firstLook, folderHash, hasCover } from './cover-status.ts'
import { listExhibitFolders } from './exhibit-folders.ts'
import { CHROMIUM_PATH, COVER_SIZE, renderCovers } from './render-covers.ts'

export const COVER_PLACEHOLDERS_MODULE = 'virtual:sophora/cover-placeholders'
const RESOLVED = `\0${COVER_PLACEHOLDERS_MODULE}`
/** The one command that makes an exhibit's pictures (its steps' thumbnails; the first is its card's picture). */
export const GEN_COVERS = 'npm run look -- --approve'
/** Where rendered pictures of folders without an approved look are kept, by folder hash: an unchanged build renders nothing. */
export const COVER_CACHE = 'node_modules/.cache/sophora-covers'

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

/** A card picture from a step thumbnail or a screenshot: 320×200, lossy WebP (a few KB; it loads lazily). */
export const cardWebp = (input: Buffer | string) => sharp(input).resize(COVER_SIZE.width, COVER_SIZE.height, { fit: 'cover' }).webp({ quality: 72 }).toBuffer()

interface Pending {
  id: string
  dir: string
  file: string
  cached: string
}

/**
 * Lobby pictures as part of every build, for each exhibit folder without its author's own
 * picture (a cover.webp/png/jpg, which src/app/covers.ts takes as it is):
 * 1. its approved first-step thumbnail (look/01-*.webp, `npm run look -- --approve`), as a
 *    small lossy WebP asset;
 * 2. else a picture of its first view rendered by this build: after the bundle is written, the
 *    real server serves it to headless Chromium (render-covers.ts), into dist/covers/ and a cache
 *    keyed by the folder's hash, so a rebuild of an unchanged folder renders nothing;
 * 3. else (no Chromium, the e2e build, or `render: false`) a placeholder from its stamp and title.
 * Nothing under exhibits/ is written.
 */
export function coversPlugin(opts: { dirs: string[]; log?: (line: string) => void; render?: boolean }): Plugin {
  let root = process.cwd()
  let isBuild = false
  let base = '/'
  let outDir = 'dist'
  let render = false
  const pending: Pending[] = []
  const log = opts.log ?? ((line: string) => console.log(line))
  const folders = () =>
    opts.dirs.flatMap((d) =>
      listExhibitFolders(resolve(root, d))
        .map((f) => join(resolve(root, d), f))
        .filter((f) => existsSync(join(f, 'manifest.json'))),
    )
  const manifestOf = (f: string): Manifest | null => {
    try {
      const m = ManifestSchema.safeParse(JSON.parse(readFileSync(join(f, 'manifest.json'), 'utf8')))
      return m.success ? m.data : null
    } catch {
      return null // a broken manifest is the exhibits plugin's to report
    }
  }
  return {
    name: 'sophora:covers',
    configResolved(c) {
      root = c.root
      isBuild = c.command === 'build'
      base = c.base
      outDir = resolve(root, c.build.outDir)
      // the e2e build scaffolds new folders on every run: rendering them would cost every test run a browser
      render = isBuild && (opts.render ?? (c.mode !== 'e2e' && process.env.SOPHORA_COVERS_RENDER !== '0'))
    },
    buildStart() {
      pending.length = 0
      if (!isBuild) return
      const todo = folders().filter((f) => !hasCover(f) && !firstLook(f))
      if (!todo.length) return
      const names = todo.map((f) => f.slice(root.length + 1)).join(', ')
      const how = !render
        ? 'a placeholder'
        : existsSync(CHROMIUM_PATH)
          ? "a picture of its first view (rendered by the build once per change of the folder's files)"
          : `a placeholder (no Chromium at ${CHROMIUM_PATH} to render its first view)`
      log(`[sophora] no approved look for ${names}: its card shows ${how}. To approve its steps' pictures: ${GEN_COVERS} <id>`)
    },
    resolveId: (id) => (id === COVER_PLACEHOLDERS_MODULE ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined
      const entries: string[] = []
      for (const f of folders()) {
        if (hasCover(f)) continue
        const m = manifestOf(f)
        if (!m) continue
        const look = firstLook(f)
        const key = JSON.stringify(m.id)
        if (look && !isBuild) entries.push(`${key}: ${JSON.stringify(`/${look.slice(root.length + 1)}`)}`)
        else if (look) {
          const ref = this.emitFile({ type: 'asset', name: `cover-${m.id}.webp`, source: await cardWebp(look) })
          entries.push(`${key}: import.meta.ROLLUP_FILE_URL_${ref}`)
        } else if (render && existsSync(CHROMIUM_PATH)) {
          const file = `covers/${m.id}-${folderHash(f).slice(0, 12)}.webp`
          const cached = resolve(root, COVER_CACHE, file.slice('covers/'.length))
          if (existsSync(cached)) {
            const ref = this.emitFile({ type: 'asset', name: `cover-${m.id}.webp`, source: readFileSync(cached) })
            entries.push(`${key}: import.meta.ROLLUP_FILE_URL_${ref}`)
          } else {
            pending.push({ id: m.id, dir: f, file, cached })
            entries.push(`${key}: ${JSON.stringify(base + file)}`)
          }
        } else entries.push(`${key}: ${JSON.stringify(svgDataUrl(placeholderSvg(m)))}`)
      }
      return `export default {${entries.join(', ')}}`
    },
    async closeBundle() {
      if (!pending.length) return
      const todo = pending.splice(0)
      let shots = new Map<string, Buffer>()
      try {
        shots = await renderCovers(
          outDir,
          todo.map((p) => p.id),
        )
      } catch (e) {
        log(`[sophora] could not render lobby pictures (${(e as Error).message}); placeholders instead`)
      }
      mkdirSync(join(outDir, 'covers'), { recursive: true })
      for (const p of todo) {
        const shot = shots.get(p.id)
        const m = manifestOf(p.dir)
        const webp = shot ? await cardWebp(shot) : m ? await cardWebp(Buffer.from(placeholderSvg(m))) : null
        if (!webp) continue
        writeFileSync(join(outDir, p.file), webp)
        if (shot) {
          mkdirSync(resolve(root, COVER_CACHE), { recursive: true })
          writeFileSync(p.cached, webp)
          log(`[sophora] rendered the lobby picture of ${p.id} (${Math.round(webp.length / 1024)} KB)`)
        }
      }
    },
  }
}
