/**
 * `npm run gen:covers`: a picture of each exhibit's scene for the lobby cards and the attract
 * loop, rendered from the exhibit itself — its first view in headless Chromium, served by the
 * real server from a build — and written to `exhibits/<id>/cover.webp`, so a new exhibit folder
 * gets one with no work.
 *
 * Cached by content: `cover.json` keeps the hash of the folder's files it was made from, and an
 * exhibit is rendered again only when that changed. A `cover.webp` without `cover.json` is the
 * author's own picture and is never replaced. Run it after `npm run build` (it serves `dist/`),
 * then build again so the covers are in the app. Until then the build shows a placeholder made
 * from the exhibit's stamp and title, and says to run this (src/build/covers-plugin.ts).
 *
 * Usage: tsx scripts/gen-covers.ts [--dist dist] [--force] [exhibit-id …]
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { chromium } from 'playwright-core'
import { coverStampJson, coverStatus } from '../src/build/cover-status.ts'

export { coverStatus, folderHash } from '../src/build/cover-status.ts'

const EXHIBITS = 'exhibits'
const SIZE = { width: 640, height: 360 }
/** Debian's Chromium, headless, WebGL through SwiftShader (as the e2e tests run it). */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
]
/** Page-side code, as strings: this script is type-checked for Node, without the DOM's types. */
const WAIT_FRAMES = `new Promise((r) => { let n = 0; const tick = () => (++n >= 30 ? r() : requestAnimationFrame(tick)); requestAnimationFrame(tick) })`
const TO_WEBP = (b64: string) => `(async () => {
  const img = new Image()
  img.src = 'data:image/png;base64,${b64}'
  await img.decode()
  const c = document.createElement('canvas')
  c.width = img.width
  c.height = img.height
  c.getContext('2d').drawImage(img, 0, 0)
  return c.toDataURL('image/webp', 0.72).split(',')[1]
})()`
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const a = s.address()
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))))
    })
  })
}

async function main() {
  const args = process.argv.slice(2)
  const dist = args.includes('--dist') ? args[args.indexOf('--dist') + 1]! : 'dist'
  const force = args.includes('--force')
  const only = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--dist')
  const ids = readdirSync(EXHIBITS).filter((id) => existsSync(join(EXHIBITS, id, 'manifest.json')) && (only.length === 0 || only.includes(id)))
  const todo = ids.filter((id) => {
    const s = coverStatus(join(EXHIBITS, id))
    const render = s === 'stale' || s === 'missing' || (force && s === 'current')
    if (!render) console.log(`${id}: ${s === 'author' ? "the author's own cover, kept" : 'up to date'}`)
    return render
  })
  if (todo.length === 0) return
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`no build in ${dist}/: run npm run build first`)

  const port = await freePort()
  const dbDir = mkdtempSync(join(tmpdir(), 'sophora-covers-'))
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/server.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DB_PATH: join(dbDir, 'covers.db'), STATIC_DIR: dist, TLS: 'off', LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  })
  const url = `http://127.0.0.1:${port}`
  const profile = mkdtempSync(join(tmpdir(), 'sophora-covers-chromium-'))
  try {
    for (let i = 0; ; i++) {
      if ((await fetch(`${url}/api/health`).catch(() => null))?.ok) break
      if (i > 200) throw new Error('the server did not start')
      await new Promise((r) => setTimeout(r, 150))
    }
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, viewport: SIZE, args: ARGS })
    const page = context.pages()[0] ?? (await context.newPage())
    for (const id of todo) {
      await page.goto(`${url}/exhibit/${id}`)
      await page.waitForSelector('[data-testid="exhibit-view"][data-status="ready"]', { timeout: 120_000 })
      // The scene only: no header, panel, buttons or subtitles over it.
      await page.addStyleTag({ content: '.shell-header,.run-panel,.exhibit-chrome,.subtitle-bar,.notice,.station-name{visibility:hidden!important}' })
      // Enough frames for textures and fonts to arrive (the test bridge is absent from production builds: count rAF).
      await page.evaluate(WAIT_FRAMES)
      const box = await page.locator('[data-testid="stage"] canvas').boundingBox()
      if (!box) throw new Error(`${id}: no stage canvas`)
      const png = await page.screenshot({ clip: box })
      // WebP by the browser's own encoder: no image library needed here.
      const webp = z.string().parse(await page.evaluate(TO_WEBP(png.toString('base64'))))
      const dir = join(EXHIBITS, id)
      writeFileSync(join(dir, 'cover.webp'), Buffer.from(webp, 'base64'))
      writeFileSync(join(dir, 'cover.json'), coverStampJson(dir))
      console.log(`${id}: cover.webp ${Math.round(Buffer.from(webp, 'base64').length / 1024)} KB`)
    }
    await context.close()
  } finally {
    server.kill('SIGTERM')
    rmSync(profile, { recursive: true, force: true })
    rmSync(dbDir, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
