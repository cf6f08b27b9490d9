/**
 * `npm run gen:covers [--dist dist] [exhibit-id …]`: render now, from a build, the lobby pictures
 * that the next build would render itself: each exhibit folder with neither its author's cover
 * nor an approved look (exhibits/<id>/look/, `npm run look -- --approve`) gets a picture of its
 * first view in the build's cache (node_modules/.cache/sophora-covers, keyed by the folder's
 * hash). Useful on a machine that builds without Chromium's help (SOPHORA_COVERS_RENDER=0).
 *
 * A lobby card's picture, in order (src/build/covers-plugin.ts): the author's cover.webp/png/jpg
 * (without cover.json); the exhibit's approved first-step thumbnail; this rendered picture; a
 * placeholder from its stamp and title.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { coverStatus, firstLook, folderHash } from '../src/build/cover-status.ts'
import { cardWebp, COVER_CACHE } from '../src/build/covers-plugin.ts'
import { renderCovers } from '../src/build/render-covers.ts'

export { coverStatus, folderHash } from '../src/build/cover-status.ts'

const EXHIBITS = 'exhibits'

async function main() {
  const args = process.argv.slice(2)
  const dist = args.includes('--dist') ? args[args.indexOf('--dist') + 1]! : 'dist'
  const only = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--dist')
  const ids = readdirSync(EXHIBITS).filter((id) => existsSync(join(EXHIBITS, id, 'manifest.json')) && (only.length === 0 || only.includes(id)))
  const todo = ids.filter((id) => {
    const dir = join(EXHIBITS, id)
    const has = coverStatus(dir) === 'author' ? "the author's own cover" : firstLook(dir) ? 'its approved first step' : null
    if (has) console.log(`${id}: ${has}`)
    return !has
  })
  if (todo.length === 0) return
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`no build in ${dist}/: run npm run build first`)
  const shots = await renderCovers(dist, todo)
  mkdirSync(COVER_CACHE, { recursive: true })
  for (const [id, png] of shots) {
    const webp = await cardWebp(png)
    writeFileSync(join(COVER_CACHE, `${id}-${folderHash(join(EXHIBITS, id)).slice(0, 12)}.webp`), webp)
    console.log(`${id}: rendered, ${Math.round(webp.length / 1024)} KB (the next build uses it)`)
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
