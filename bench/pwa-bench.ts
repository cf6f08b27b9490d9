import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { launchChromiumContext } from '../tests/e2e/chromium.ts'
import { startServer } from '../tests/e2e/harness.ts'

export interface PwaBench {
  precache: { entries: number; mb: number; byKind: Record<string, number> }
  cpuThrottle: number
  rounds: number
  /** medians and 'min–max' in ms: navigation start → lobby cards; click → exhibit ready */
  uncached: { lobbyMs: number; lobbySpread: string; exhibitMs: number; exhibitSpread: string }
  cached: { lobbyMs: number; lobbySpread: string; exhibitMs: number; exhibitSpread: string }
}

const EXHIBIT = 'fire-escape'
const THROTTLE = 4
const mb = (n: number) => Math.round((n / 2 ** 20) * 100) / 100
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
/** 'min–max' (a string: prettier would fold an array of JSON.stringify's output, and format:check fail) */
const spread = (xs: number[]) => `${Math.min(...xs)}–${Math.max(...xs)}`

/** The URLs (relative to `dist`) the service worker of a build precaches. */
export const precacheUrls = (dist: string) => [...readFileSync(join(dist, 'sw.js'), 'utf8').matchAll(/url:\s*"([^"]+)"/g)].map((m) => m[1]!)

/** What the service worker precaches: the entries of `dist/sw.js` and their sizes on disk. */
export function precacheSize(dist: string): PwaBench['precache'] {
  const urls = precacheUrls(dist)
  const byKind: Record<string, number> = {}
  let total = 0
  for (const u of urls) {
    const n = statSync(join(dist, u)).size
    total += n
    const kind = u.startsWith('xr-profiles/') ? 'xr-profiles' : (u.split('.').pop() ?? '')
    byKind[kind] = (byKind[kind] ?? 0) + n
  }
  return { entries: urls.length, mb: mb(total), byKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, mb(v)])) }
}

// Strings, not functions, where the code names a function: tsx (the bench runs under it) would
// wrap it in a `__name` helper the page does not have. Page strings go through the DevTools
// protocol, which the app's CSP (no unsafe-eval) does not stop; waitForFunction strings it would.
const MARK_LOBBY = `new MutationObserver((_, o) => {
  if (document.querySelector('[data-testid^="open-"]')) { window.__lobbyAt = performance.now(); o.disconnect() }
}).observe(document, { subtree: true, childList: true })`

async function throttledPage(context: BrowserContext): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage())
  await context.addInitScript(MARK_LOBBY)
  await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: THROTTLE })
  return page
}

/** ms from navigation start to the lobby's cards, then from a card's click to the exhibit's first step. */
async function timeLoad(page: Page, load: () => Promise<unknown>): Promise<{ lobby: number; exhibit: number }> {
  await load()
  await page.waitForFunction(() => (window as unknown as { __lobbyAt?: number }).__lobbyAt !== undefined, undefined, { timeout: 120_000 })
  const lobby = (await page.evaluate('window.__lobbyAt')) as number
  const exhibit = (await page.evaluate(`new Promise((resolve) => {
    const t0 = performance.now()
    const ready = () => document.querySelector('[data-testid="exhibit-view"][data-status="ready"]')
    new MutationObserver((_, o) => { if (ready()) { o.disconnect(); resolve(performance.now() - t0) } })
      .observe(document, { subtree: true, childList: true, attributes: true })
    document.querySelector('[data-testid="open-${EXHIBIT}"]').click()
  })`)) as number
  return { lobby: Math.round(lobby), exhibit: Math.round(exhibit) }
}

/**
 * The production build (dist/) on the real server, CPU throttled 4× over the DevTools protocol
 * (a low-end tablet): a station's first load (empty caches) and a reload once the service
 * worker has precached the app, alternated in one run so both see the same machine load.
 * On loopback the network costs nothing: the difference is what the CPU does, not the Wi-Fi.
 */
export async function runPwaBench(opts: { rounds?: number; dist?: string } = {}): Promise<PwaBench> {
  const dist = opts.dist ?? 'dist'
  const rounds = opts.rounds ?? 5
  const server = await startServer({ env: { STATIC_DIR: dist } })
  const uncached: { lobby: number; exhibit: number }[] = []
  const cached: { lobby: number; exhibit: number }[] = []
  const dirs: string[] = []
  const fresh = async () => {
    dirs.push(mkdtempSync(join(tmpdir(), 'sophora-pwa-bench-')))
    return launchChromiumContext(dirs.at(-1)!, { width: 1280, height: 800, serviceWorkers: 'allow' })
  }
  // One station that loaded once (its worker precached the app) and is reloaded each round.
  const station = await fresh()
  try {
    const page = await throttledPage(station)
    await page.goto(server.url)
    await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', undefined, { timeout: 120_000 })
    const first = async () => {
      const context = await fresh()
      try {
        const p = await throttledPage(context)
        uncached.push(await timeLoad(p, () => p.goto(server.url)))
      } finally {
        await context.close()
      }
    }
    const again = async () => void cached.push(await timeLoad(page, () => page.goto(server.url)))
    // alternate which goes first, so a busy spell of the machine does not favour one
    for (let i = 0; i < rounds; i++) for (const run of i % 2 ? [again, first] : [first, again]) await run()
  } finally {
    await station.close()
    await server.stop()
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
  }
  const sum = (xs: { lobby: number; exhibit: number }[]) => ({
    lobbyMs: median(xs.map((x) => x.lobby)),
    lobbySpread: spread(xs.map((x) => x.lobby)),
    exhibitMs: median(xs.map((x) => x.exhibit)),
    exhibitSpread: spread(xs.map((x) => x.exhibit)),
  })
  return { precache: precacheSize(dist), cpuThrottle: THROTTLE, rounds, uncached: sum(uncached), cached: sum(cached) }
}
