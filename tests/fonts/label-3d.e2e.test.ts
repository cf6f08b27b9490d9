/**
 * Label3D in real Chromium: zh-CN + English render as real glyphs from the local subset font,
 * and nothing is fetched from any other host (troika's CDN fallbacks included).
 * Screenshot: test-results/label-3d.png (look at it).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import type { BrowserContext } from 'playwright-core'
import { fontPlugin } from '../../src/build/font-plugin.ts'
import { launchChromiumContext } from '../e2e/chromium.ts'
import { E2E_FRAME_RATE } from '../e2e/frame-cap.ts'
import { createServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const SHOT = join(ROOT, 'test-results', 'label-3d.png')
const LABELS = 3

let server: ViteDevServer
let context: BrowserContext
let profile: string
let cacheDir: string
let origin: string
const foreign: string[] = []
const requested: string[] = []

beforeAll(async () => {
  cacheDir = mkdtempSync(join(tmpdir(), 'sophora-vite-'))
  server = await createServer({
    root: ROOT,
    configFile: false,
    cacheDir,
    logLevel: 'warn',
    plugins: [react(), fontPlugin()],
    optimizeDeps: { entries: ['tests/fonts/probe/index.html'] },
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
  })
  await server.listen()
  const address = server.httpServer?.address()
  if (!address || typeof address === 'string') throw new Error('vite did not listen')
  origin = `http://127.0.0.1:${address.port}`

  profile = mkdtempSync(join(tmpdir(), 'sophora-chromium-'))
  context = await launchChromiumContext(profile, { frameRate: E2E_FRAME_RATE })
  // Every request from pages and their workers; anything not on our server is recorded and aborted.
  context.on('request', (req) => {
    const url = req.url()
    requested.push(url)
    if (!isLocal(url)) foreign.push(url)
  })
  await context.route('**/*', (route) => (isLocal(route.request().url()) ? route.continue() : route.abort()))
}, 120_000)

afterAll(async () => {
  await context?.close()
  await server?.close()
  for (const dir of [profile, cacheDir]) if (dir) rmSync(dir, { recursive: true, force: true })
})

function isLocal(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true
  const { hostname } = new URL(url)
  return hostname === '127.0.0.1' || hostname === 'localhost'
}

describe('Label3D in headless Chromium', () => {
  it('renders Chinese and English from the local font, with no foreign requests', async () => {
    const page = context.pages()[0] ?? (await context.newPage())
    const errors: string[] = []
    const warnings: string[] = []
    page.on('pageerror', (err) => errors.push(err.message))
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text())
      if (msg.type() === 'warning') warnings.push(msg.text())
    })

    await page.goto(`${origin}/tests/fonts/probe/index.html`)
    mkdirSync(join(ROOT, 'test-results'), { recursive: true })
    try {
      await page.waitForFunction((n) => window.__probe.synced >= n && window.__probe.preloaded, LABELS, { timeout: 60_000 })
    } catch (err) {
      await page.screenshot({ path: SHOT })
      const state = await page.evaluate(() => JSON.stringify(window.__probe)).catch(() => 'unavailable')
      throw new Error(
        `labels never finished: probe ${state}; errors ${JSON.stringify(errors)}; foreign ${JSON.stringify(foreign)}; warnings ${JSON.stringify(warnings)}`,
        { cause: err },
      )
    }
    // Count text-coloured pixels per label band, read back from the WebGL canvas.
    const readCounts = () =>
      page.evaluate(() => {
        const gl = document.querySelector('canvas')!
        const c = document.createElement('canvas')
        c.width = gl.width
        c.height = gl.height
        const ctx = c.getContext('2d')!
        ctx.drawImage(gl, 0, 0)
        const { data, width, height } = ctx.getImageData(0, 0, c.width, c.height)
        const out = { white: 0, yellow: 0, cyan: 0, width, height }
        for (let i = 0; i < data.length; i += 4) {
          const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!]
          if (r > 200 && g > 200 && b > 200) out.white++
          else if (r > 200 && g > 160 && b < 120) out.yellow++
          else if (r < 140 && g > 170 && b > 200) out.cyan++
        }
        return out
      })
    const drawn = (c: Awaited<ReturnType<typeof readCounts>>) => c.white > 600 && c.yellow > 300 && c.cyan > 30
    // The synced geometry shows within a few frames: read again every two frames until it does (or 30 s).
    const deadline = Date.now() + 30_000
    let counts = await readCounts()
    while (!drawn(counts) && Date.now() < deadline) {
      await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))))
      counts = await readCounts()
    }

    await page.screenshot({ path: SHOT })

    // Observed at 640x360 (strict colour classes, antialiased edges excluded): ~1500 / ~720 / ~85.
    expect(counts.white, 'main label (white) drew text').toBeGreaterThan(600)
    expect(counts.yellow, 'wrapped label (yellow) drew text').toBeGreaterThan(300)
    expect(counts.cyan, 'raw drei <Text> without a font (cyan) drew text').toBeGreaterThan(30)

    expect(
      warnings.some((w) => w.includes('[Label3D] no glyph') && w.includes('龘')),
      'missing glyphs reported',
    ).toBe(true)
    expect(await page.evaluate(() => document.fonts.check("14px 'Sophora SC'", '国槐'))).toBe(true)
    // The font is fetched by troika's worker: seeing it proves worker traffic is watched too.
    expect(
      requested.some((u) => /\/sophora-sc\.woff(\?|$)/.test(u)),
      'font requested locally',
    ).toBe(true)
    expect(foreign, 'requests to hosts other than the local server').toEqual([])
    expect(errors).toEqual([])
  }, 180_000)
  it('negative control: a raw drei <Text> with a glyph the font lacks does reach for the CDN', async () => {
    // Why Label3D guards glyphs: troika's unicode-font-resolver fallback downloads from
    // cdn.jsdelivr.net. If this ever stops failing, troika changed and the guard can be revisited.
    const page = await context.newPage()
    const before = foreign.length
    await page.goto(`${origin}/tests/fonts/probe/index.html?cdn-control`)
    await expect.poll(() => foreign.slice(before).some((u) => u.includes('jsdelivr')), { timeout: 60_000 }).toBe(true)
    await page.close()
    foreign.length = before
  }, 120_000)
})
