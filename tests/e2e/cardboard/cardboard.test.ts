// @vitest-environment node
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { buildAndServe, launchChromium, repoRoot, type Served } from './harness.ts'
import type { ProbeState } from './probe-state.ts'

const SLOW = 120_000
let served: Served
let browser: { context: BrowserContext; close(): Promise<void> }
/** Every request that did not go to the local probe server (data:/blob: are not requests off the machine). */
const offHost: string[] = []

beforeAll(async () => {
  served = await buildAndServe(['probe.html', 'r3f-probe.html'])
  browser = await launchChromium()
  await browser.context.route('**/*', (route) => {
    const url = route.request().url()
    if (url.startsWith(served.origin + '/') || /^(data|blob):/.test(url)) return route.continue()
    offHost.push(url)
    return route.abort('internetdisconnected')
  })
}, 240_000)

afterAll(async () => {
  await browser?.close()
  await served?.close()
})

const probeState = (page: Page) =>
  page.evaluate(() => {
    const { exit: _exit, ...rest } = (window as unknown as { __probe: ProbeState }).__probe
    return rest
  })

async function openProbe(path: string): Promise<Page> {
  const page = await browser.context.newPage()
  await page.goto(`${served.origin}/tests/e2e/cardboard/${path}`)
  await page.waitForFunction(() => (window as unknown as { __probe: ProbeState }).__probe.support !== undefined)
  return page
}

/** Counts magenta pixels (the probe's box) in the left and right half of `rect` in a PNG. */
function countMagenta(page: Page, png: Buffer, rect: { x: number; y: number; width: number; height: number }) {
  return page.evaluate(
    async ({ b64, rect }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }))
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
      const ctx = canvas.getContext('2d')!
      ctx.drawImage(bitmap, 0, 0)
      const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height)
      const half = { left: 0, right: 0, lit: 0 }
      const x0 = Math.round(rect.x),
        y0 = Math.round(rect.y)
      const x1 = Math.min(bitmap.width, x0 + Math.round(rect.width)),
        y1 = Math.min(bitmap.height, y0 + Math.round(rect.height))
      const mid = x0 + (x1 - x0) / 2
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const i = (y * bitmap.width + x) * 4
          const r = data[i]!,
            g = data[i + 1]!,
            b = data[i + 2]!
          if (r + g + b > 60) half.lit++
          if (r > 200 && g < 80 && b > 200) {
            if (x < mid) half.left++
            else half.right++
          }
        }
      }
      return { ...half, total: (x1 - x0) * (y1 - y0) }
    },
    { b64: png.toString('base64'), rect },
  )
}

async function enterAndShoot(page: Page, shot: string) {
  await page.waitForFunction(() => (window as unknown as { __probe: ProbeState }).__probe.ready)
  await page.click('#enter')
  await page.waitForFunction(
    () => {
      const p = (window as unknown as { __probe: ProbeState }).__probe
      return (p.sessionStarted && p.xrFrames > 30) || p.errors.length > 0
    },
    undefined,
    { timeout: 60_000 },
  )
  const canvas = page.locator('canvas').first()
  const rect = (await canvas.boundingBox())!
  const png = await page.screenshot()
  mkdirSync(join(repoRoot, 'test-results'), { recursive: true })
  writeFileSync(join(repoRoot, 'test-results', shot), png)
  return { rect, eyes: await countMagenta(page, png, rect) }
}

/** Leaving VR gives the normal single view back, still drawing the box. */
async function expectFlatViewAfterExit(page: Page) {
  await page.evaluate(() => (window as unknown as { __probe: ProbeState }).__probe.exit!())
  await page.waitForFunction(() => (window as unknown as { __probe: ProbeState }).__probe.sessionEnded, undefined, { timeout: 30_000 })
  // The flat view comes back within a few frames: poll screenshots until the box shows.
  await expect
    .poll(
      async () => {
        const flat = await countMagenta(page, await page.screenshot(), { x: 0, y: 0, width: 640, height: 360 })
        return (flat.left + flat.right) / flat.total
      },
      { timeout: 15_000, message: 'share of the flat view showing the box' },
    )
    .toBeGreaterThan(0.05)
  expect((await probeState(page)).errors).toEqual([])
}

describe('cardboard immersive-vr through webxr-polyfill', () => {
  it(
    'where native WebXR exists: returns native and installs nothing',
    async () => {
      const page = await openProbe('probe.html?mode=native')
      const state = await probeState(page)
      expect(state.support).toBe('native')
      expect(state.native).toEqual({ xrIsNative: true, layerIsNative: true, polyfillLoaded: false })
      await page.close()
    },
    SLOW,
  )

  it(
    'three.js: both eyes show the object, and nothing leaves localhost',
    async () => {
      const page = await openProbe('probe.html?mode=cardboard')
      expect((await probeState(page)).support).toBe('cardboard')
      // The polyfill is its own chunk, loaded on demand.
      expect(await page.evaluate(() => performance.getEntriesByType('resource').some((r) => /webxr-polyfill/.test(r.name)))).toBe(true)

      const { rect, eyes } = await enterAndShoot(page, 'cardboard-eyes.png')
      const state = await probeState(page)
      expect(state.errors).toEqual([])
      expect(state.sessionStarted).toBe(true)
      // Split screen fills the (fullscreen) page.
      expect(rect.width).toBeGreaterThan(600)
      // Not black: most of the picture is lit, and each eye holds a good patch of the box.
      expect(eyes.lit / eyes.total).toBeGreaterThan(0.5)
      expect(eyes.left).toBeGreaterThan((0.03 * eyes.total) / 2)
      expect(eyes.right).toBeGreaterThan((0.03 * eyes.total) / 2)

      await expectFlatViewAfterExit(page)
      expect(offHost).toEqual([])
      await page.close()
    },
    SLOW,
  )

  it(
    'R3F + @react-three/xr: store.enterVR() shows the object in both eyes',
    async () => {
      const page = await openProbe('r3f-probe.html')
      expect((await probeState(page)).support).toBe('cardboard')
      const { eyes } = await enterAndShoot(page, 'cardboard-eyes-r3f.png')
      const state = await probeState(page)
      expect(state.errors).toEqual([])
      expect(state.sessionStarted).toBe(true)
      expect(eyes.left).toBeGreaterThan((0.03 * eyes.total) / 2)
      expect(eyes.right).toBeGreaterThan((0.03 * eyes.total) / 2)
      await expectFlatViewAfterExit(page)
      expect(offHost).toEqual([])
      await page.close()
    },
    SLOW,
  )

  it(
    'control: webxr-polyfill installed bare draws the lens frame but not the object (the original bug)',
    async () => {
      const page = await openProbe('probe.html?mode=unpatched')
      const { eyes } = await enterAndShoot(page, 'cardboard-eyes-unpatched.png')
      expect((await probeState(page)).sessionStarted).toBe(true)
      expect(eyes.lit / eyes.total).toBeGreaterThan(0.5) // the clear colour and lens frame do render
      expect(eyes.left + eyes.right).toBe(0) // the mesh does not: its VAO reads the distortion mesh
      await page.close()
    },
    SLOW,
  )
})
