/**
 * The science passport end to end, in real Chromium against the real server: a guide
 * issues a class set and prints it (PDF and PNG; the QR codes are decoded back here with
 * jsQR), station A checks in by typing (a mistyped character first), station B by camera
 * (Chromium's fake camera plays the printed card), both play an exhibit to its stamp, a
 * third browser sees each stamp on the right passport only, and check-out clears a station.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import jsQR from 'jsqr'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CROCKFORD, formatPassportCode } from '../../src/core/passport-code.ts'
import { NEW_EXHIBIT } from './e2e-build.ts'
import { pngPixels, createGuide, launch, playToStamp, startServer, type Browser, type RunningServer } from './harness.ts'

const GUIDE = { name: 'guide-e2e', password: 'e2e-guide-password-1' }
const OUT = 'test-results'

let server: RunningServer
let guide: Browser
const stations: Browser[] = []
let codes: string[] = []
let cardJpeg: Buffer | null = null

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true })
  server = await startServer()
  createGuide(server, GUIDE)
  guide = await launch({ width: 900, height: 1200 })
})
afterAll(async () => {
  for (const s of [guide, ...stations]) await s?.close()
  await server?.stop()
})

/** The passport page as a student at home sees it: which exhibits are stamped. */
async function stampsOnPassportPage(page: Page, code: string): Promise<string[]> {
  await page.goto(`${server.url}/passport/${code}`)
  await page.waitForSelector('[data-testid="passport-page"][data-status="ready"]')
  return page.locator('[data-testid="passport-stamp"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-exhibit') ?? '').sort())
}

describe('science passport', () => {
  it('a guide signs in, issues 5 passports, and the print sheet has 5 QR codes that decode to them', async () => {
    const { page } = guide
    await page.goto(`${server.url}/guide/passports`)
    await page.fill('[data-testid="guide-name"]', GUIDE.name)
    await page.fill('[data-testid="guide-password"]', GUIDE.password)
    await page.click('[data-testid="guide-signin-submit"]')
    await page.fill('[data-testid="issue-school"]', '实验小学')
    await page.fill('[data-testid="issue-grade"]', '四年级')
    await page.fill('[data-testid="issue-class"]', '2 班')
    await page.fill('[data-testid="issue-count"]', '5')
    await page.click('[data-testid="issue-submit"]')
    await page.waitForSelector('[data-testid="batch-print"][data-status="ready"]')
    expect(page.url()).toMatch(/\/guide\/passports\/[^/]+\/print$/)
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="passport-card"] img.qr').length === 5)

    codes = await page.locator('[data-testid="passport-card"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')!))
    expect(new Set(codes).size).toBe(5)
    const printed = await page.locator('[data-testid="card-code"]').allTextContents()
    expect(printed).toEqual(codes.map(formatPassportCode))

    // The print layout, as the browser's print dialog would make it.
    const pdf = await page.pdf({ path: join(OUT, 'passport-sheet.pdf'), preferCSSPageSize: true, printBackground: true })
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length, 'five cards fit one A4 page').toBe(1)
    await page.emulateMedia({ media: 'print' })
    await page.screenshot({ path: join(OUT, 'passport-sheet.png'), fullPage: true })

    // Each card's QR code, from the rendered pixels, decodes to that card's passport page (no PUBLIC_URL: under the address it was printed from).
    const decoded: string[] = []
    for (const card of await page.locator('[data-testid="passport-card"]').all()) {
      const { data, width, height } = await pngPixels(page, await card.locator('img.qr').screenshot())
      decoded.push(jsQR(data, width, height)?.data ?? '(none)')
    }
    expect(decoded).toEqual(codes.map((c) => `${server.url}/passport/${c}`))
    // The third card as a phone camera would see it: on a 640×480 frame (Chromium's fake
    // camera needs a regular frame size; a bare card screenshot has odd dimensions).
    const card = await page.locator('[data-testid="passport-card"]').nth(2).screenshot()
    const frame = await guide.context.newPage()
    await frame.setViewportSize({ width: 640, height: 480 })
    await frame.setContent(
      `<body style="margin:0;background:#fff;display:grid;place-items:center;height:100vh"><img src="data:image/png;base64,${card.toString('base64')}"></body>`,
    )
    cardJpeg = await frame.screenshot({ type: 'jpeg', quality: 90 })
    await frame.close()
    await page.emulateMedia({ media: 'screen' })
  })

  it('station A checks in by typing: one mistyped character is refused with its position, then the right code', async () => {
    const a = await launch({ holdFrames: true })
    stations.push(a)
    const { page } = a
    const code = codes[1]!
    await page.goto(`${server.url}/`)
    await expect(page.locator('[data-testid="walk-in"]').textContent()).resolves.toMatch(/没有护照也可以直接体验/)
    await page.click('[data-testid="lobby-check-in"]')
    await page.waitForURL(`${server.url}/check-in`)
    const wrong = code.slice(0, 4) + [...CROCKFORD].find((c) => c !== code[4])! + code.slice(5)
    await page.fill('[data-testid="code-input"]', wrong)
    await page.click('[data-testid="code-submit"]')
    await expect(page.locator('[data-testid="code-message"]').textContent()).resolves.toBe('请检查第 5 位。')
    await page.fill('[data-testid="code-input"]', `${code.slice(0, 5).toLowerCase()} ${code.slice(5)}`)
    await page.click('[data-testid="code-submit"]')
    await page.waitForSelector(`[data-testid="checked-in"][data-code="${code}"][data-confirmed="true"]`)
    await page.waitForSelector(`[data-testid="passport-badge"][data-code="${code}"]`)
    await page.reload()
    await page.waitForSelector(`[data-testid="passport-badge"][data-code="${code}"]`)
  })

  it('station B checks in by camera: the fake camera shows the printed card', async () => {
    expect(cardJpeg, 'the print sheet test made the card picture').not.toBeNull()
    const dir = mkdtempSync(join(tmpdir(), 'sophora-camera-'))
    const video = join(dir, 'card.mjpeg')
    // An MJPEG file is JPEG frames back to back; Chromium loops it as the camera.
    writeFileSync(video, Buffer.concat(Array.from({ length: 10 }, () => cardJpeg!)))
    const b = await launch({
      holdFrames: true,
      args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
    })
    stations.push(b)
    // Playwright answers permission prompts itself (deny): grant the camera as a student tapping "allow" would.
    await b.context.grantPermissions(['camera'], { origin: server.url })
    const { page } = b
    // localhost, not 127.0.0.1, would also do; both are secure contexts for getUserMedia.
    const t0 = Date.now()
    await page.goto(`${server.url}/check-in`)
    await page.click('[data-testid="scan-start"]')
    await page.waitForSelector(`[data-testid="checked-in"][data-code="${codes[2]}"]`, { timeout: 30_000 }).catch(async (e: unknown) => {
      await page.screenshot({ path: join(OUT, 'passport-camera-failed.png') })
      throw new Error(`not checked in by camera; the page says: ${(await page.textContent('main'))?.slice(0, 300)}; page errors: ${b.errors.join(' | ')}`, {
        cause: e,
      })
    })
    const ms = Date.now() - t0
    console.log(`[passport] camera check-in: page open to "checked in" in ${ms} ms`)
    writeFileSync(join(OUT, 'camera-check-in-ms.txt'), `${ms}\n`)
  })

  it('both stations play an exhibit to its stamp, each on its own passport', async () => {
    const [a, b] = stations
    // Two students at the same time, as in a class visit.
    const plays = [
      // the scaffolded exhibit (the shortest) and a real one: the point is whose passport gets which stamp
      [a!, NEW_EXHIBIT.id, codes[1]!],
      [b!, 'fire-escape', codes[2]!],
    ] as const
    await Promise.all(
      plays.map(async ([s, id, code]) => {
        await s.page.goto(`${server.url}/`)
        await playToStamp(s.page, id)
        await s.page.waitForSelector(`[data-testid="stamp-awarded"][data-passport="${code}"]`)
        await s.page.click('[data-testid="run-lobby"]')
        await s.page.waitForSelector(`[data-exhibit="${id}"] .seal--earned`)
      }),
    )
    // A third browser, as at home: each passport shows its own stamp, the others none.
    const home = await launch()
    stations.push(home)
    await expect.poll(() => stampsOnPassportPage(home.page, codes[1]!), { timeout: 60_000, interval: 1000 }).toEqual([NEW_EXHIBIT.id])
    await expect.poll(() => stampsOnPassportPage(home.page, codes[2]!), { timeout: 60_000, interval: 1000 }).toEqual(['fire-escape'])
    expect(await stampsOnPassportPage(home.page, codes[0]!)).toEqual([])
    await home.page.screenshot({ path: join(OUT, 'passport-page.png'), fullPage: true })
  })

  it('check-out clears the station: the next student starts clean', async () => {
    const { page } = stations[0]!
    await page.goto(`${server.url}/`)
    await page.click('[data-testid="check-out"]')
    await page.waitForSelector('[data-testid="header-check-in"]')
    await page.waitForSelector('[data-testid="walk-in"]')
    await expect(page.locator('[data-testid="stamp-count"]').textContent()).resolves.toMatch(/^已获得 0 /)
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('sophora.checkin')!).state.code)).toBeNull()
    for (const s of [guide, ...stations]) {
      expect(s.errors).toEqual([])
      expect(s.externalRequests).toEqual([])
    }
  })
})
