import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { launchChromiumContext } from '../tests/e2e/chromium.ts'
import { startServer } from '../tests/e2e/harness.ts'

/** ms, median and 'min–max' over the rounds */
export interface Timing {
  ms: number
  spread: string
}
export interface StartupBench {
  rounds: number
  /** CPU throttle rate → figures at that rate */
  byRate: Record<string, { lobby: Timing; exhibits: Record<string, { ready: Timing; firstStep: Timing }> }>
  loadavg: number[]
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const spread = (xs: number[]) => `${Math.min(...xs)}–${Math.max(...xs)}`
const timing = (xs: number[]): Timing => ({ ms: median(xs), spread: spread(xs) })

// Strings, not functions: tsx would wrap a function in a `__name` helper the page lacks.
const MARK_LOBBY = `new MutationObserver((_, o) => {
  if (document.querySelector('[data-testid^="open-"]')) { window.__lobbyAt = performance.now(); o.disconnect() }
}).observe(document, { subtree: true, childList: true })`

/**
 * Click on the card's "进入体验 / Enter" → the exhibit is ready (scene up, start button on
 * screen) → a click on start (at once, as a bench can) → the first step's prompt on screen.
 */
const enterScript = (id: string) => `new Promise((resolve) => {
  const t0 = performance.now()
  let ready = 0
  new MutationObserver((_, o) => {
    if (!ready && document.querySelector('[data-testid="exhibit-view"][data-status="ready"] [data-testid="run-start"]')) {
      ready = performance.now() - t0
      document.querySelector('[data-testid="run-start"]').click()
    }
    if (ready && document.querySelector('[data-testid="prompt"]')) { o.disconnect(); resolve([ready, performance.now() - t0]) }
  }).observe(document, { subtree: true, childList: true, attributes: true })
  document.querySelector('[data-testid="open-${id}"]').click()
})`

/**
 * Time to the lobby and from "进入体验" to each exhibit's first step, on the production build
 * (dist/) and the real server, at 1280×800, with the CPU throttled 4× over the DevTools
 * protocol (a low-end tablet) and unthrottled, alternating in one run. Every visit starts from
 * a fresh page load, so it pays for the 3D stage's code as a student's first visit does; the
 * HTTP cache is warm after the first round (a station's normal state; the first uncached load
 * is in the PWA bench). Service workers are off here.
 */
export async function runStartupBench(opts: { rounds?: number; dist?: string; rates?: number[] } = {}): Promise<StartupBench> {
  const dist = opts.dist ?? 'dist'
  const rounds = opts.rounds ?? 3
  const rates = opts.rates ?? [4, 1]
  const only = process.env.SOPHORA_EXHIBITS?.split(',')
    .map((x) => x.trim())
    .filter(Boolean)
  const ids = readdirSync('exhibits')
    .filter((d) => existsSync(`exhibits/${d}/manifest.json`) && (!only || only.includes(d)))
    .sort()
  const server = await startServer({ env: { STATIC_DIR: dist } })
  const dir = mkdtempSync(join(tmpdir(), 'sophora-startup-bench-'))
  const ctx = await launchChromiumContext(dir, { width: 1280, height: 800 })
  const raw: Record<string, { lobby: number[]; ready: Record<string, number[]>; firstStep: Record<string, number[]> }> = {}
  const load = loadavg().map((x) => Math.round(x * 10) / 10)
  try {
    await ctx.addInitScript(MARK_LOBBY)
    const page: Page = ctx.pages()[0] ?? (await ctx.newPage())
    const cdp = await ctx.newCDPSession(page)
    await page.goto(server.url) // fills the HTTP cache; not counted
    await page.locator('[data-testid="lobby"]').waitFor({ timeout: 120_000 })
    for (let r = 0; r < rounds; r++) {
      // alternate which rate goes first, so a busy spell of the machine does not favour one
      for (const rate of r % 2 ? [...rates].reverse() : rates) {
        await cdp.send('Emulation.setCPUThrottlingRate', { rate })
        const into = (raw[rate] ??= { lobby: [], ready: {}, firstStep: {} })
        for (const id of ids) {
          await page.goto(server.url)
          await page.waitForFunction('window.__lobbyAt !== undefined', undefined, { timeout: 120_000 })
          into.lobby.push(Math.round((await page.evaluate('window.__lobbyAt')) as number))
          const [ready, first] = (await page.evaluate(enterScript(id))) as [number, number]
          ;(into.ready[id] ??= []).push(Math.round(ready))
          ;(into.firstStep[id] ??= []).push(Math.round(first))
        }
      }
    }
  } finally {
    await ctx.close()
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
  const byRate: StartupBench['byRate'] = {}
  for (const [rate, x] of Object.entries(raw))
    byRate[rate] = {
      lobby: timing(x.lobby),
      exhibits: Object.fromEntries(ids.map((id) => [id, { ready: timing(x.ready[id]!), firstStep: timing(x.firstStep[id]!) }])),
    }
  return { rounds, byRate, loadavg: load }
}
