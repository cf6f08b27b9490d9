/**
 * A brand-new exhibit from `npm run new-exhibit` builds, shows up in the lobby and plays to its
 * stamp in real Chromium — by clicking its 3D objects for the steps, as a visitor would.
 *
 * It is created in test-results/ (git-ignored) rather than exhibits/, so tests running at the
 * same time never see a half-made folder; the build adds that folder to the e2e build's exhibit
 * dirs (everything else comes from vite.config.ts, mode e2e). Always removed afterwards.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { join, resolve } from 'node:path'
import { build, loadConfigFromFile, type PluginOption } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exhibitsPlugin } from '../../src/build/exhibits-plugin.ts'
import { createExhibit } from '../../scripts/new-exhibit.ts'
import { canvasVariety, launch, waitForExhibit, type Browser } from './harness.ts'

const ID = 'zz-new-exhibit-test'
const work = resolve('test-results/new-exhibit-e2e')
const exhibitsDir = join(work, 'exhibits')
const outDir = join(work, 'dist')

const only = process.env.SOPHORA_EXHIBITS?.split(',').map((x) => x.trim()).filter(Boolean)

/** The e2e build (vite.config.ts, mode e2e) with the temp exhibits folder added (and SOPHORA_EXHIBITS honoured). */
async function buildWithExtraExhibits(): Promise<void> {
  const env = { command: 'build' as const, mode: 'e2e', isSsrBuild: false, isPreview: false }
  const loaded = await loadConfigFromFile(env, resolve('vite.config.ts'), undefined, 'silent')
  if (!loaded) throw new Error('vite.config.ts not found')
  const plugins = (loaded.config.plugins ?? []).flat(Infinity as 1).map((p: PluginOption) =>
    p && typeof p === 'object' && 'name' in p && p.name === 'sophora:exhibits' ? exhibitsPlugin({ dirs: ['exhibits', 'test-results/new-exhibit-e2e/exhibits'], only: only?.length ? [...only, ID] : undefined }) : p)
  await build({ ...loaded.config, configFile: false, mode: 'e2e', logLevel: 'error', plugins, build: { ...loaded.config.build, outDir, emptyOutDir: true } })
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const a = s.address()
      s.close(() => (typeof a === 'object' && a ? res(a.port) : rej(new Error('no port'))))
    })
  })
}

/** harness.startServer, serving our build and accepting events for the temp exhibit. */
async function startServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort()
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server/server.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DB_PATH: join(work, 'e2e.db'), STATIC_DIR: outDir, EXHIBITS_DIRS: `exhibits,${exhibitsDir}`, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  proc.stdout?.on('data', (d) => (log += d))
  proc.stderr?.on('data', (d) => (log += d))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited (${proc.exitCode}):\n${log}`)
    try { if ((await fetch(`${url}/api/health`)).ok) break } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${log}`)
    await new Promise((r) => setTimeout(r, 150))
  }
  return {
    url,
    stop: () => new Promise<void>((r) => { if (proc.exitCode !== null) return r(); proc.once('exit', () => r()); proc.kill('SIGTERM') }),
  }
}

let server: { url: string; stop(): Promise<void> } | undefined
let b: Browser | undefined
beforeAll(async () => {
  rmSync(work, { recursive: true, force: true })
  mkdirSync(exhibitsDir, { recursive: true })
  createExhibit({ id: ID, titleZh: '新展项测试', titleEn: 'New Exhibit Test', category: 'science', dir: exhibitsDir, log: () => {} })
  await buildWithExtraExhibits()
  server = await startServer()
  b = await launch({ width: 1280, height: 720 })
})
afterAll(async () => {
  await b?.close()
  await server?.stop()
  rmSync(work, { recursive: true, force: true })
})

/** Click a named 3D object where it appears on the canvas (the stage camera: origin, 1.6 m, fov 70, looking -z). */
async function clickObject(name: string): Promise<void> {
  const page = b!.page
  const p = await page.evaluate((n) => (window as unknown as { __sophora: { find(n: string): { x: number; y: number; z: number } | null } }).__sophora.find(n), name)
  expect(p, `object "${name}" in the scene`).not.toBeNull()
  const box = (await page.locator('[data-testid="stage"] canvas').boundingBox())!
  const f = Math.tan((70 / 2) * (Math.PI / 180))
  const ndcX = p!.x / -p!.z / (f * (box.width / box.height))
  const ndcY = (p!.y - 1.6) / -p!.z / f
  await page.mouse.click(box.x + ((ndcX + 1) / 2) * box.width, box.y + ((1 - ndcY) / 2) * box.height)
}

describe('a new exhibit from the template', () => {
  it('is listed in the lobby with its title', async () => {
    const { page } = b!
    await page.goto(server!.url)
    await page.waitForSelector(`[data-testid="open-${ID}"]`)
    await expect(page.locator(`[data-exhibit="${ID}"] h3`).textContent()).resolves.toBe('新展项测试')
  })

  it('plays to its stamp: steps by clicking the scene, then the quiz', async () => {
    const { page } = b!
    await page.click(`[data-testid="open-${ID}"]`)
    await waitForExhibit(page)
    await page.waitForTimeout(800)
    expect(await canvasVariety(page)).toBeGreaterThan(0.05)
    await page.click('[data-testid="run-start"]')
    for (const target of ['look-target', 'touch-target']) {
      await page.waitForSelector('[data-testid="run-panel"][data-phase="step"]')
      await page.waitForTimeout(300)
      await clickObject(target)
      await expect(page.locator('[data-testid="feedback"]').getAttribute('class')).resolves.toContain('ok')
      if (target === 'look-target') await page.screenshot({ path: join('test-results', 'new-exhibit-step.png') })
      await page.click('[data-testid="run-next"]')
    }
    await page.waitForSelector('[data-testid="run-panel"][data-phase="quiz"]')
    for (const right of ['q1-a', 'q2-b', 'q3-c', 'q4-a', 'q5-b', 'q6-c']) {
      await page.click(`[data-testid="choice-${right}"]`)
      await page.click('[data-testid="run-next"]')
    }
    await page.waitForSelector('[data-testid="result"][data-passed="true"]')
    await page.click('[data-testid="run-lobby"]')
    await page.waitForSelector(`[data-exhibit="${ID}"] .seal--earned`)
    expect(b!.errors).toEqual([])
    expect(b!.externalRequests).toEqual([])
  })
})
