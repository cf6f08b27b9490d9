import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createGuide, launch, startServer, waitForExhibit, type Browser, type RunningServer } from './harness.ts'

/**
 * A new station on a server without open enrolment: it shows a pairing code and keeps
 * recording; a guide signs in on the pairing page, types the code and approves; the
 * station's waiting events then reach the server and the code goes away by itself.
 * One page plays both parts, moving between them without a reload (the router's
 * pushState), so the station's sync client that picks up the approval is the one that
 * showed the code.
 */
let server: RunningServer
let b: Browser
const guide = { name: 'guide-pairing', password: 'pairing-pass-1' }
beforeAll(async () => {
  server = await startServer({ env: { STATION_OPEN_ENROLL: '0' } })
  // Chromium starts while the admin CLI makes the guide account (a synchronous child process).
  const launching = launch({ holdFrames: true })
  createGuide(server, guide)
  b = await launching
})
afterAll(async () => {
  await b?.close()
  await server?.stop()
})

const delivered = () => {
  const db = new Database(server.dbPath, { readonly: true })
  try {
    return db.prepare('SELECT count(*) FROM events').pluck().get() as number
  } finally {
    db.close()
  }
}
const pending = () => b.page.evaluate(() => window.__sophora!.outbox.countPending())

describe('station pairing', () => {
  it('a guide approves the code the station shows; the station then syncs what it recorded meanwhile', async () => {
    const { page } = b
    await page.goto(server.url)
    const shown = page.locator('[data-testid="pairing-code"]')
    await shown.waitFor()
    const code = await shown.getAttribute('data-code')
    expect(code).toMatch(/^\d{6}$/)
    await expect(page.locator('[data-testid="pairing-notice"]').textContent()).resolves.toContain('请向老师出示配对码')

    // Recording goes on while it waits: the events stay in the outbox.
    await page.click('[data-testid="open-fire-escape"]')
    await waitForExhibit(page)
    await page.click('[data-testid="back-to-lobby"]')
    await page.waitForSelector('[data-testid="lobby"]')
    await expect.poll(pending, { timeout: 10_000 }).toBeGreaterThanOrEqual(2)
    const recorded = await pending()
    expect(delivered()).toBe(0)

    const stationId = await page.evaluate(() => (JSON.parse(localStorage.getItem('sophora.station') ?? '{}') as { stationId?: string }).stationId)
    const go = (path: string) => page.evaluate((p) => history.pushState(null, '', p), path)
    await go('/guide/stations/pairing')
    await page.fill('[data-testid="guide-name"]', guide.name)
    await page.fill('[data-testid="guide-password"]', guide.password)
    await page.click('[data-testid="guide-signin-submit"]')
    const row = page.locator(`[data-testid="pairing-row"][data-station-id="${stationId}"]`)
    await row.locator('[data-testid="pairing-code-input"]').fill(`${code!.slice(0, 3)} ${code!.slice(3)}`)
    await row.locator('[data-testid="pairing-approve"]').click()
    await page.waitForSelector('[data-testid="pairing-done"]')

    await expect.poll(pending, { timeout: 15_000 }).toBe(0)
    expect(delivered()).toBe(recorded)
    await go('/')
    await page.waitForSelector('[data-testid="lobby"]')
    await expect(page.locator('[data-testid="pairing-notice"]').count()).resolves.toBe(0)
  })
})
