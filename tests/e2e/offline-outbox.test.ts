import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launch, startServer, waitForExhibit, type Browser, type RunningServer } from './harness.ts'

/**
 * The stats server goes away while a student plays: events wait in the station's
 * IndexedDB outbox ("n 条待同步") and, when the server is back, arrive exactly once.
 */
let server: RunningServer
let b: Browser
beforeAll(async () => {
  server = await startServer()
  b = await launch({ holdFrames: true })
})
afterAll(async () => {
  await b?.close()
  await server?.stop()
})

const pageEvents = () => b.page.evaluate(() => window.__sophora!.events.length)
/** Events the server has stored (read from its SQLite file, as the final check does). */
const delivered = () => {
  const db = new Database(server.dbPath, { readonly: true })
  try {
    return (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n
  } finally {
    db.close()
  }
}
const pending = () => b.page.evaluate(() => window.__sophora!.outbox.countPending())

describe('offline-first visit recording', () => {
  it('queues while the server is down and delivers every event exactly once after it returns', async () => {
    const { page } = b
    await page.goto(server.url)
    // Load the exhibit's code once while online, as the kiosk did when it opened.
    await page.click('[data-testid="open-fire-escape"]')
    await waitForExhibit(page)
    await page.click('[data-testid="back-to-lobby"]')
    await page.waitForSelector('[data-testid="lobby"]')
    // The exit event is queued asynchronously: wait until the server holds every event seen so far.
    await expect.poll(async () => delivered() === (await pageEvents()) && (await pending()) === 0, { timeout: 60_000 }).toBe(true)
    const port = Number(new URL(server.url).port)
    const dbPath = server.dbPath
    const onlineBefore = await pageEvents()

    await server.stop()
    await page.click('[data-testid="open-fire-escape"]')
    await waitForExhibit(page)
    await page.click('[data-testid="run-start"]')
    for (const c of ['alarm-keep-playing', 'alarm-leave']) {
      await page.click(`[data-testid="choice-${c}"]`)
      await page.click('[data-testid="run-next"]')
    }
    await page.click('[data-testid="back-to-lobby"]')
    await page.waitForSelector('[data-testid="lobby"]')
    const offlineEvents = (await pageEvents()) - onlineBefore
    expect(offlineEvents).toBeGreaterThanOrEqual(4) // started, mistake, step-completed, exited
    await expect.poll(pending, { timeout: 10_000 }).toBe(offlineEvents)
    await expect(page.locator('.sophora-pending-badge').textContent()).resolves.toBe(`${offlineEvents} 条待同步`)

    // The server comes back on the same port and database; the browser reports it is online.
    server = await startServer({ port, dbPath })
    await page.evaluate(() => window.dispatchEvent(new Event('online')))
    await expect.poll(pending, { timeout: 60_000 }).toBe(0)

    const db = new Database(dbPath, { readonly: true })
    const rows = db.prepare('SELECT id, type FROM events').all() as { id: string; type: string }[]
    db.close()
    const total = await pageEvents()
    expect(rows).toHaveLength(total)
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length)
    expect(rows.filter((r) => r.type === 'step-mistake')).toHaveLength(1)
  })
})
