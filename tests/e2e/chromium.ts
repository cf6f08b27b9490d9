import { chromium, type Browser, type BrowserContext } from 'playwright-core'
import { capFrameRate } from './frame-cap.ts'

/** Debian's Chromium (never a downloaded browser: this machine reaches no browser CDN). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Headless, WebGL through SwiftShader (no GPU here), sound without a user gesture, and none of
 * Chromium's background traffic: the network is closed, so every such request would fail.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--autoplay-policy=no-user-gesture-required',
]

/**
 * A persistent context (Playwright refuses --user-data-dir in args) in `userDataDir`;
 * `frameRate` caps requestAnimationFrame in its pages (tests pass E2E_FRAME_RATE, see frame-cap.ts).
 * Service workers are blocked unless `serviceWorkers: 'allow'`: Playwright's request routing
 * does not see what a service worker answers, and precaching the whole app (~18 MB) in every
 * file would slow the suite; tests/e2e/offline-app.test.ts and the PWA bench allow them.
 */
export async function launchChromiumContext(
  userDataDir: string,
  opts: { width?: number; height?: number; args?: string[]; frameRate?: number; serviceWorkers?: 'allow' | 'block' } = {},
): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: opts.width ?? 640, height: opts.height ?? 360 },
    args: [...CHROMIUM_ARGS, ...(opts.args ?? [])],
    serviceWorkers: opts.serviceWorkers ?? 'block',
  })
  if (opts.frameRate) await context.addInitScript(capFrameRate, 1000 / opts.frameRate)
  return context
}

/** One browser for several contexts (a guide's tablet and stations side by side, each with its own storage). */
export function launchChromium(args: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, ...args] })
}

let shared: Promise<Browser> | undefined
let users = 0
let idle: NodeJS.Timeout | undefined

/**
 * A context in this test worker's one shared browser (fresh storage, as a new profile would
 * have), for pages that need no launch flags or profile of their own. A launch and close of
 * Chromium per e2e file cost ~0.96 CPU-s, a context ~0.4 (measured side by side); the files of a
 * worker run one after another (vitest's e2e project, isolate: false), so each starts in the
 * browser the one before used. The browser closes 1.5 s after its last context, so a worker
 * that has run its last file exits; a worker killed before that takes Chromium down with it
 * (it quits when its DevTools pipe closes).
 */
export async function sharedBrowserContext(opts: {
  width: number
  height: number
  frameRate?: number
}): Promise<{ context: BrowserContext; release(): Promise<void> }> {
  clearTimeout(idle)
  if (!shared) {
    const launching = launchChromium()
    shared = launching
    // a browser that went away (crashed, closed) is launched again for the next file
    void launching.then((b) => b.on('disconnected', () => shared === launching && (shared = undefined))).catch(() => (shared = undefined))
  }
  const browser = await shared
  users++
  const context = await browser.newContext({ viewport: { width: opts.width, height: opts.height }, serviceWorkers: 'block' })
  if (opts.frameRate) await context.addInitScript(capFrameRate, 1000 / opts.frameRate)
  return {
    context,
    async release() {
      await context.close()
      if (--users > 0) return
      idle = setTimeout(() => {
        const closing = shared
        shared = undefined
        void closing?.then((b) => b.close())
      }, 1500)
      idle.unref()
    },
  }
}
