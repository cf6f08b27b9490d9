import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Debian's Chromium (never a downloaded browser). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** A card picture's size: the look check's thumbnails' (16:10); the card crops it to its own shape. */
export const COVER_SIZE = { width: 320, height: 200 } as const
const VIEW = { width: 640, height: 400 }
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
]
/** Page-side code as strings: this module is type-checked for Node, without the DOM's types. */
const WAIT_FRAMES = `new Promise((r) => { let n = 0; const tick = () => (++n >= 30 ? r() : requestAnimationFrame(tick)); requestAnimationFrame(tick) })`
const HIDE_CHROME = '.shell-header,.run-panel,.exhibit-chrome,.subtitle-bar,.notice,.station-name{visibility:hidden!important}'

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const a = s.address()
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))))
    })
  })
}

/**
 * Screenshots (PNG) of each exhibit's first view, as a visitor opening it sees the scene: the
 * real server serves the built app from `dist` on loopback, headless Chromium opens each
 * exhibit, the page's header, panel and buttons are hidden, and 30 frames are let through so
 * textures and text have arrived. For folders without an approved look (covers-plugin.ts).
 */
export async function renderCovers(dist: string, ids: string[]): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>()
  if (!ids.length) return out
  const port = await freePort()
  const tmp = mkdtempSync(join(tmpdir(), 'sophora-covers-'))
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/server.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DB_PATH: join(tmp, 'covers.db'), STATIC_DIR: dist, TLS: 'off', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const url = `http://127.0.0.1:${port}`
  try {
    // a devDependency: loaded only when a picture is to be rendered (`npm start` on a production install never needs it)
    const { chromium } = await import('playwright-core')
    for (const end = Date.now() + 120_000; ; await new Promise((r) => setTimeout(r, 150))) {
      if ((await fetch(`${url}/api/health`).catch(() => null))?.ok) break
      if (server.exitCode !== null || Date.now() > end) throw new Error('the server did not start')
    }
    const context = await chromium.launchPersistentContext(join(tmp, 'profile'), { executablePath: CHROMIUM_PATH, headless: true, viewport: VIEW, args: ARGS })
    try {
      const page = context.pages()[0] ?? (await context.newPage())
      for (const id of ids) {
        await page.goto(`${url}/exhibit/${id}`)
        await page.waitForSelector('[data-testid="exhibit-view"][data-status="ready"]', { timeout: 120_000 })
        await page.addStyleTag({ content: HIDE_CHROME })
        await page.evaluate(WAIT_FRAMES)
        out.set(id, await page.locator('[data-testid="stage"] canvas').screenshot())
      }
    } finally {
      await context.close()
    }
  } finally {
    server.kill('SIGTERM')
    rmSync(tmp, { recursive: true, force: true })
  }
  return out
}
