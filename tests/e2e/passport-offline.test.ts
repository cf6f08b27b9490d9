/**
 * The server stops while a checked-in student plays: the station still stamps that
 * passport (shown on the page), keeps the events in its outbox, and when the server is
 * back on the same port and database the stamp arrives on the passport exactly once.
 * Then a guide exports that passport (JSON download) and deletes it from the guide page.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatPassportCode } from '../../src/core/passport-code.ts'
import { NEW_EXHIBIT } from './e2e-build.ts'
import { checkIn, createGuide, issuePassports, launch, playToStamp, startServer, waitForExhibit, type Browser, type RunningServer } from './harness.ts'

const GUIDE = { name: 'guide-offline', password: 'e2e-guide-password-2' }
// The shortest exhibit in the e2e build: the one `new-exhibit` scaffolds (2 steps, 6 questions);
// what is tested here is the passport and the outbox, not the lesson.
const EXHIBIT = NEW_EXHIBIT.id

let server: RunningServer
let b: Browser
let code = ''
beforeAll(async () => {
  server = await startServer()
  createGuide(server, GUIDE)
  b = await launch({ holdFrames: true })
})
afterAll(async () => {
  await b?.close()
  await server?.stop()
})

const pending = () => b.page.evaluate(() => window.__sophora!.outbox.countPending())
/** stamp-awarded events the server stored (for one passport, or all), read from its SQLite file. */
function storedStamps(dbPath: string, passport?: string): number {
  const db = new Database(dbPath, { readonly: true })
  try {
    const sql = `SELECT count(*) AS n FROM events WHERE type = 'stamp-awarded'${passport === undefined ? '' : ' AND passport_id = ?'}`
    return (db.prepare(sql).get(...(passport === undefined ? [] : [passport])) as { n: number }).n
  } finally {
    db.close()
  }
}
/** The exhibits stamped on the passport's public page (what the student sees at home). */
async function stampedOnServer(code: string): Promise<string[]> {
  const r = await fetch(`${server.url}/api/passports/${code}`)
  if (!r.ok) return [`HTTP ${r.status}`]
  const view = (await r.json()) as { exhibits: { exhibitId: string; stamped: boolean }[] }
  return view.exhibits.filter((e) => e.stamped).map((e) => e.exhibitId)
}

describe('science passport with the server stopped during play', () => {
  it('stamps the checked-in passport offline and the stamp arrives exactly once after the server returns', async () => {
    code = (await issuePassports(server, GUIDE, 1))[0]!
    const { page } = b
    await checkIn(page, server.url, code)
    // Open the exhibit once while online, as a station does when it starts: its code is then cached.
    await page.goto(`${server.url}/`)
    await page.click(`[data-testid="open-${EXHIBIT}"]`)
    await waitForExhibit(page)
    await page.click('[data-testid="back-to-lobby"]')
    await page.waitForSelector('[data-testid="lobby"]')
    await expect.poll(pending, { timeout: 60_000 }).toBe(0)
    expect(storedStamps(server.dbPath, code)).toBe(0)

    const port = Number(new URL(server.url).port)
    const dbPath = server.dbPath
    await server.stop()
    await playToStamp(page, EXHIBIT)
    // The stamp lands on this passport on the page, with no server to ask.
    await page.waitForSelector(`[data-testid="stamp-awarded"][data-passport="${code}"]`)
    await page.click('[data-testid="run-lobby"]')
    await page.waitForSelector(`[data-exhibit="${EXHIBIT}"] .seal--earned`)
    await page.waitForSelector(`[data-testid="passport-badge"][data-code="${code}"]`)
    expect(await pending()).toBeGreaterThan(0)

    server = await startServer({ port, dbPath })
    await page.evaluate(() => window.dispatchEvent(new Event('online')))
    await expect.poll(pending, { timeout: 60_000 }).toBe(0)
    // The public endpoint is rate-limited per IP (30/min): ask every 2 s at most.
    await expect.poll(() => stampedOnServer(code), { timeout: 30_000, interval: 2000 }).toEqual([EXHIBIT])
    expect(storedStamps(dbPath, code)).toBe(1)
    // A second 'online' (a flaky Wi-Fi) sends nothing twice.
    await page.evaluate(() => window.dispatchEvent(new Event('online')))
    await expect.poll(pending, { timeout: 10_000 }).toBe(0)
    expect(storedStamps(dbPath, code)).toBe(1)
  })

  it('a guide exports that passport as JSON and deletes it from the guide page', async () => {
    const { page } = b
    await page.goto(`${server.url}/guide/passports`)
    await page.fill('[data-testid="guide-name"]', GUIDE.name)
    await page.fill('[data-testid="guide-password"]', GUIDE.password)
    await page.click('[data-testid="guide-signin-submit"]')
    await page.fill('[data-testid="data-code"]', code.toLowerCase())
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="data-export"]')])
    expect(file.suggestedFilename()).toBe(`passport-${code}.json`)
    const exported = JSON.parse(readFileSync(await file.path(), 'utf8')) as { code: string; events: { type: string }[] }
    expect(exported.code).toBe(code)
    expect(exported.events.filter((e) => e.type === 'stamp-awarded')).toHaveLength(1)

    await page.click('[data-testid="data-delete"]')
    await page.fill('[data-testid="data-confirm-code"]', formatPassportCode(code))
    await page.screenshot({ path: join('test-results', 'passport-data-confirm.png'), fullPage: true })
    await page.click('[data-testid="data-confirm-delete"]')
    await page.waitForSelector('[data-testid="data-message"][data-tone="ok"]')
    expect((await fetch(`${server.url}/api/passports/${code}`)).status).toBe(410)
    // The passport's records are gone; the center's statistics keep the stamp as an anonymous count.
    expect(storedStamps(server.dbPath, code)).toBe(0)
    expect(storedStamps(server.dbPath)).toBe(1)
    expect(b.errors).toEqual([])
  })
})
