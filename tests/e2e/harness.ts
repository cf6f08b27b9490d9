import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { CHROMIUM, launchChromiumContext, sharedBrowserContext } from './chromium.ts'
import { E2E_FRAME_RATE } from './frame-cap.ts'
import { playbook } from './answers.ts'
import { E2E_EXHIBIT_DIRS, OUT_DIR } from './e2e-build.ts'
import { bundledArgs, bundlePath } from '../server/server-bundle.ts'

export { CHROMIUM }

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const a = s.address()
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))))
    })
  })
}

export interface RunningServer {
  url: string
  dbPath: string
  proc: ChildProcess
  stop(): Promise<void>
  kill(): Promise<void>
}

/**
 * The real stats server (`src/server/server.ts`, bundled: tests/server/server-bundle.ts) serving the e2e build on loopback, with its own
 * SQLite file; plain HTTP (TLS=off) and open station enrolment unless `env` says otherwise (`url` is then PORT's loopback HTTP).
 */
export async function startServer(opts: { dbPath?: string; port?: number; env?: Record<string, string> } = {}): Promise<RunningServer> {
  const port = opts.port ?? (await freePort())
  const dbPath = opts.dbPath ?? join(mkdtempSync(join(tmpdir(), 'sophora-db-')), 'e2e.db')
  const proc = spawn(process.execPath, await bundledArgs('server'), {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DB_PATH: dbPath,
      STATIC_DIR: OUT_DIR,
      EXHIBITS_DIRS: E2E_EXHIBIT_DIRS.join(','),
      LOG_LEVEL: 'warn',
      TLS: 'off',
      // Existing tests enrol stations as before; the pairing test sets '0'.
      STATION_OPEN_ENROLL: '1',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  proc.stdout?.on('data', (d) => (log += d))
  proc.stderr?.on('data', (d) => (log += d))
  const url = `http://127.0.0.1:${port}`
  // A limit for a broken server, not a wait: at load average 35 here a start took over 30 s (every
  // e2e file failed in beforeAll).
  const deadline = Date.now() + 120_000
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited (${proc.exitCode}):\n${log}`)
    try {
      if ((await fetch(`${url}/api/health`)).ok) break
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${log}`)
    await new Promise((r) => setTimeout(r, 150))
  }
  const waitExit = () => new Promise<void>((r) => (proc.exitCode !== null ? r() : proc.once('exit', () => r())))
  return {
    url,
    dbPath,
    proc,
    async stop() {
      proc.kill('SIGTERM')
      await waitExit()
    },
    async kill() {
      proc.kill('SIGKILL')
      await waitExit()
    },
  }
}

export interface Browser {
  context: BrowserContext
  page: Page
  errors: string[]
  externalRequests: string[]
  close(): Promise<void>
}

/** Runs in the page before its scripts: the test bridge starts with the stage held (src/test-bridge/frame-hold.ts). */
export function holdFrames(): void {
  ;(window as unknown as Record<string, boolean>).__sophoraHoldFrames = true
}

/** Debian's Chromium, headless, WebGL through SwiftShader; records page errors and any request off loopback. */
export async function launch(
  opts: {
    width?: number
    height?: number
    userDataDir?: string
    args?: string[]
    serviceWorkers?: 'allow' | 'block'
    /** the page's stage draws only the frames a test waits for (test bridge `hold`): for files that check the DOM, not the picture */
    holdFrames?: boolean
  } = {},
): Promise<Browser> {
  const size = { width: opts.width ?? 640, height: opts.height ?? 480 }
  // launch flags, a profile on disk or service workers (the offline app's precache) need a browser of the file's own
  const own = !!opts.args?.length || !!opts.userDataDir || opts.serviceWorkers === 'allow'
  const dir = own ? (opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'sophora-chromium-'))) : undefined
  const shared = own ? undefined : await sharedBrowserContext({ ...size, frameRate: E2E_FRAME_RATE })
  const context =
    shared?.context ?? (await launchChromiumContext(dir!, { ...size, args: opts.args, frameRate: E2E_FRAME_RATE, serviceWorkers: opts.serviceWorkers }))
  if (opts.holdFrames) await context.addInitScript(holdFrames)
  const page = context.pages()[0] ?? (await context.newPage())
  const errors: string[] = []
  const externalRequests: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  context.on('request', (r) => {
    const u = new URL(r.url())
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname) && !['data:', 'blob:'].includes(u.protocol)) externalRequests.push(r.url())
  })
  return {
    context,
    page,
    errors,
    externalRequests,
    async close() {
      if (shared) return shared.release()
      await context.close()
      if (!opts.userDataDir) rmSync(dir!, { recursive: true, force: true })
    },
  }
}

export interface Counts {
  geometries: number
  textures: number
  programs: number
  calls: number
  triangles: number
}

/** renderer.info of the app's one Canvas (dev/e2e builds expose it). */
export async function counts(page: Page): Promise<Counts | null> {
  return page.evaluate(() => window.__sophora?.counts?.() ?? null)
}

/** Wait until the exhibit's visit is ready (loading done, run panel shown). */
export async function waitForExhibit(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="exhibit-view"][data-status="ready"]', { timeout: 90_000 })
  await page.waitForSelector('[data-testid="run-panel"]', { timeout: 30_000 })
}

/** From the lobby: open the exhibit and play it with the right answers (run panel clicks) until the stamp. */
export async function playToStamp(page: Page, id: string): Promise<void> {
  const { steps, quiz } = (await playbook(id)).right
  await page.click(`[data-testid="open-${id}"]`)
  await waitForExhibit(page)
  await page.click('[data-testid="run-start"]')
  for (const choice of [...steps, ...quiz]) {
    await page.click(`[data-testid="choice-${choice}"]`)
    await page.click('[data-testid="run-next"]')
  }
  await page.waitForSelector('[data-testid="result"][data-passed="true"]')
}

/** Frames the stage has drawn so far, flat or XR (dev/e2e builds count them). */
export async function frameCount(page: Page): Promise<number> {
  return page.evaluate(() => window.__sophora?.frames?.() ?? 0)
}

/**
 * Wait until the stage has drawn `n` more frames: what "the scene has rendered" means, however
 * slow SwiftShader is under load (frame times vary a lot; frame counts do not).
 */
export async function waitFrames(page: Page, n: number, timeout = 30_000): Promise<void> {
  // a held stage (launch's holdFrames) draws these n frames, then holds again
  const start = await page.evaluate((k) => {
    window.__sophora?.draw?.(k)
    return window.__sophora?.frames?.() ?? 0
  }, n)
  await page.waitForFunction((s) => (window.__sophora?.frames?.() ?? 0) >= s, start + n, { timeout })
}

/**
 * IWER's dev UI (the emulator's own overlay: an HTML panel and a canvas with its controller
 * handles) out of sight, so screenshots show what the headset shows. (Skipping that canvas's
 * draw as well was measured: 124.3 vs 125.1 s CPU for vr.test.ts side by side, no gain; not kept.)
 */
export async function quietEmulatorUI(page: Page): Promise<void> {
  await page.evaluate(() => {
    type DevUI = { devUIContainer?: HTMLElement; devUICanvas?: HTMLElement }
    const emu = window.__sophora!.xr().getState().emulator as unknown as Record<symbol, { devui?: DevUI } | undefined> | undefined
    for (const k of emu ? Object.getOwnPropertySymbols(emu) : []) {
      const ui = emu![k]?.devui
      for (const el of [ui?.devUIContainer, ui?.devUICanvas]) if (el) el.style.display = 'none'
    }
  })
}

/** Pixels of a PNG screenshot, decoded by the page's own image decoder (no image library needed in node). */
export async function pngPixels(page: Page, png: Buffer): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  const r = await page.evaluate(async (b64) => {
    const img = new Image()
    img.src = `data:image/png;base64,${b64}`
    await img.decode()
    const c = document.createElement('canvas')
    c.width = img.width
    c.height = img.height
    const g = c.getContext('2d')!
    g.drawImage(img, 0, 0)
    // base64, not an array of numbers: a 1280×720 image as a JSON array took ~15 s to cross the protocol
    const bytes = g.getImageData(0, 0, c.width, c.height).data
    let bin = ''
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
    return { b64: btoa(bin), width: c.width, height: c.height }
  }, png.toString('base64'))
  return { data: new Uint8ClampedArray(Buffer.from(r.b64, 'base64')), width: r.width, height: r.height }
}

/** Fraction of sampled canvas pixels that differ from the most common colour: 0 = blank. */
export async function canvasVariety(page: Page): Promise<number> {
  const { data: d } = await pngPixels(page, await page.locator('[data-testid="stage"] canvas').screenshot())
  const hist = new Map<number, number>()
  let n = 0
  for (let i = 0; i < d.length; i += 4 * 37) {
    const k = ((d[i]! >> 4) << 8) | ((d[i + 1]! >> 4) << 4) | (d[i + 2]! >> 4)
    hist.set(k, (hist.get(k) ?? 0) + 1)
    n++
  }
  return 1 - Math.max(...hist.values()) / n
}

/**
 * A guide account made with the admin CLI, as a center's admin does on the server machine (same DB).
 * The CLI's bundle was built with the server's, before `server` started.
 */
export function createGuide(server: RunningServer, guide: { name: string; password: string }): void {
  execFileSync(process.execPath, [bundlePath('admin'), 'create-user', '--name', guide.name, '--role', 'guide'], {
    env: { ...process.env, DB_PATH: server.dbPath, SOPHORA_PASSWORD: guide.password, LOG_LEVEL: 'warn' },
  })
}

/** Passports issued through the API, as the guide console does; returns their codes. */
export async function issuePassports(server: RunningServer, guide: { name: string; password: string }, count: number): Promise<string[]> {
  const post = async (path: string, body: unknown, token?: string) => {
    const r = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    })
    if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`)
    return r.json() as Promise<Record<string, unknown>>
  }
  const { token } = (await post('/api/auth/login', guide)) as { token: string }
  const batch = (await post('/api/passports/batches', { requestId: randomUUID(), school: '测试小学', grade: '四年级', className: '1 班', count }, token)) as {
    passports: { code: string }[]
  }
  return batch.passports.map((p) => p.code)
}

/** A student checks in at this station by typing the code on the check-in page (confirmed by the server). */
export async function checkIn(page: Page, url: string, code: string): Promise<void> {
  await page.goto(`${url}/check-in`)
  await page.fill('[data-testid="code-input"]', code)
  await page.click('[data-testid="code-submit"]')
  await page.waitForSelector(`[data-testid="checked-in"][data-code="${code}"][data-confirmed="true"]`)
}
