import Database from 'better-sqlite3'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { playbook } from './answers.ts'
import { NEW_EXHIBIT, OUT_DIR } from './e2e-build.ts'
import { launch, startServer, waitForExhibit, type Browser, type RunningServer } from './harness.ts'

/**
 * The installable station app (service worker, src/build/pwa-plugin.ts, src/features/pwa):
 * after one load it works with the server stopped and the network cut, and a build deployed
 * while a student plays is applied only back at the lobby. The server serves a copy of the e2e
 * build, so "deploying" a second build changes no file another test reads.
 */
const EXHIBIT = NEW_EXHIBIT.id // the shortest playbook: 2 steps and 6 quiz items
let server: RunningServer
let b: Browser
let site: string
beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'sophora-site-'))
  cpSync(OUT_DIR, site, { recursive: true })
  ;[server, b] = await Promise.all([startServer({ env: { STATIC_DIR: site } }), launch({ serviceWorkers: 'allow', holdFrames: true })])
})
afterAll(async () => {
  await b?.close()
  await server?.stop()
  rmSync(site, { recursive: true, force: true })
})

const rows = () => {
  const db = new Database(server.dbPath, { readonly: true })
  try {
    return db.prepare('SELECT id, type, exhibit_id AS exhibitId FROM events ORDER BY seq').all() as { id: string; type: string; exhibitId: string }[]
  } finally {
    db.close()
  }
}
const pending = () => b.page.evaluate(() => window.__sophora!.outbox.countPending())
/** The page's service worker has precached the app and controls the page. */
const controlled = () => b.page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', undefined, { timeout: 60_000 })

async function play(choices: string[]): Promise<void> {
  for (const choice of choices) {
    await b.page.click(`[data-testid="choice-${choice}"]`)
    await b.page.click('[data-testid="run-next"]')
  }
}

/** A second build on the server: index.html gets a marker, and the worker's precache list its new revision. */
function deploySecondBuild(): void {
  const html = join(site, 'index.html')
  writeFileSync(html, readFileSync(html, 'utf8').replace('</head>', '<meta name="sophora-build" content="2" /></head>'))
  const sw = join(site, 'sw.js')
  const before = readFileSync(sw, 'utf8')
  const after = before.replace(/(url:\s*"index\.html",\s*revision:\s*")[0-9a-f]+"/, '$1build-2"')
  expect(after).not.toBe(before)
  writeFileSync(sw, after)
}

describe('installable station app', () => {
  it('plays an exhibit offline after one load, syncs exactly once, and takes a new build only at the lobby', async () => {
    const { page } = b
    const { right } = await playbook(EXHIBIT)
    // A station finds a new version long after it registered its worker (it checks every 30 min);
    // workbox-window then takes it for "external" and its own "waiting" signal was not to be
    // trusted. The test jumps the page's clock a minute ahead just before deploying (below),
    // instead of waiting that minute.
    await page.addInitScript(() => {
      const now = performance.now.bind(performance)
      performance.now = () => now() + ((window as unknown as { clockAhead?: number }).clockAhead ?? 0)
    })
    await page.goto(server.url)
    await page.waitForSelector('[data-testid="lobby"]')
    await controlled()
    // installable: Chromium finds nothing missing (manifest, icons, service worker, secure origin)
    const cdp = await b.context.newCDPSession(page)
    await expect(cdp.send('Page.getInstallabilityErrors')).resolves.toEqual({ installabilityErrors: [] })
    await expect(cdp.send('Page.getAppManifest')).resolves.toMatchObject({ url: `${server.url}/manifest.webmanifest`, errors: [] })
    await cdp.detach()
    const deliveredBefore = rows().length

    // The router loses power: no server, no network. The station reloads from its cache alone.
    const port = Number(new URL(server.url).port)
    const dbPath = server.dbPath
    await server.stop()
    await b.context.setOffline(true)
    await page.reload()
    await page.waitForSelector('[data-testid="lobby"]')
    await page.click(`[data-testid="open-${EXHIBIT}"]`)
    await waitForExhibit(page)
    await page.click('[data-testid="run-start"]')
    await play([...right.steps, ...right.quiz])
    await page.waitForSelector('[data-testid="result"][data-passed="true"]')
    await page.click('[data-testid="back-to-lobby"]')
    await page.waitForSelector('[data-testid="lobby"]')
    // narration and fonts came from the station's cache, every one of them
    const media = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((e) => /\.(mp3|woff2?)(\?|$)/.test(e.name))
        .map((e) => ({ url: e.name, status: e.responseStatus })),
    )
    expect(media.filter((m) => m.url.endsWith('.mp3')).length).toBeGreaterThan(0)
    expect(media.filter((m) => m.status !== 200)).toEqual([])
    const offline = await page.evaluate(() => window.__sophora!.events.map((e) => `${e.exhibitId} ${e.type}`))
    expect(offline.length).toBeGreaterThanOrEqual(right.steps.length + right.quiz.length)
    await expect.poll(pending, { timeout: 10_000 }).toBe(offline.length)
    expect(b.errors).toEqual([])

    // Power is back: the events arrive once each.
    server = await startServer({ port, dbPath, env: { STATIC_DIR: site } })
    await b.context.setOffline(false)
    await page.evaluate(() => window.dispatchEvent(new Event('online')))
    await expect.poll(pending, { timeout: 60_000 }).toBe(0)
    const stored = rows()
    expect(stored).toHaveLength(deliveredBefore + offline.length)
    expect(new Set(stored.map((r) => r.id)).size).toBe(stored.length)
    expect(
      stored
        .slice(deliveredBefore)
        .map((r) => `${r.exhibitId} ${r.type}`)
        .sort(),
    ).toEqual([...offline].sort())
    expect(stored.filter((r) => r.type === 'stamp-awarded' && r.exhibitId === EXHIBIT)).toHaveLength(1)

    // A new build is deployed while the next student plays: it downloads, and waits.
    await page.click(`[data-testid="open-${EXHIBIT}"]`)
    await waitForExhibit(page)
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true))
    await page.evaluate(() => ((window as unknown as { clockAhead: number }).clockAhead = 61_000))
    deploySecondBuild()
    // what the station's periodic update check does
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update())
    await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state === 'installed', undefined, { timeout: 30_000 })
    await page.click('[data-testid="run-start"]')
    await play(right.steps)
    await page.waitForSelector('[data-testid="run-panel"]')
    // the visit went on in the same document, on the old build
    await expect(page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).resolves.toBe(true)
    await expect(page.locator('meta[name="sophora-build"]').count()).resolves.toBe(0)

    // The student leaves: back at the lobby, between visitors, the station reloads into the new build.
    await page.click('[data-testid="back-to-lobby"]')
    await page.waitForSelector('meta[name="sophora-build"][content="2"]', { state: 'attached', timeout: 30_000 }).catch(async (e: unknown) => {
      // say where the update stood: the next person needs it if this ever fails again
      const sw = await page.evaluate(async () => {
        const r = await navigator.serviceWorker.getRegistration()
        return {
          path: location.pathname,
          waiting: r?.waiting?.state ?? null,
          active: r?.active?.state ?? null,
          controlled: !!navigator.serviceWorker.controller,
        }
      })
      throw new Error(`the new build did not load at the lobby: ${JSON.stringify(sw)}; ${String(e)}`)
    })
    await page.waitForSelector('[data-testid="lobby"]')
    await expect(page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).resolves.toBeUndefined()
    expect(b.errors).toEqual([])
  })
})
