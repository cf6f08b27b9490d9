import { existsSync, readdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { launch, startServer, waitForExhibit, type Browser, type RunningServer } from './harness.ts'
import { correctAnswers } from './answers.ts'

/**
 * Each exhibit inside an emulated immersive-vr session (IWER, Quest 3), played only with
 * the right controller: aim its ray at a 3D button of the VR panel and pull the trigger.
 */
let server: RunningServer
let b: Browser
beforeAll(async () => { server = await startServer(); b = await launch({ width: 640, height: 400 }) })
afterAll(async () => { await b?.close(); await server?.stop() })

type Hooks = { aim(name: string): boolean; find(name: string): { visible: boolean } | null; xr(): { getState(): { mode?: string | null; emulator?: { controllers: { right: { updateButtonValue(id: string, v: number): void } } } } } }

/** Wait until the renderer has drawn `n` more frames (SwiftShader frame times vary a lot under load). */
async function frames(page: Page, n: number) {
  const start = await page.evaluate(() => window.__sophora!.frames())
  await page.waitForFunction((s) => window.__sophora!.frames() >= s, start + n, { timeout: 30_000 }).catch(async (e) => {
    const state = await page.evaluate(() => ({ mode: (window as unknown as { __sophora: Hooks }).__sophora.xr().getState().mode, hash: location.hash, frames: window.__sophora!.frames() }))
    await page.screenshot({ path: 'test-results/vr-stalled.png' })
    throw new Error(`no frames drawn: ${JSON.stringify(state)}, page errors: ${b.errors.join(' | ')}; ${e}`)
  })
}

async function pull(page: Page, target: string) {
  await page.waitForFunction((n) => !!(window as unknown as { __sophora: Hooks }).__sophora.find(n), target, { timeout: 20_000 }).catch(async (e) => {
    await page.screenshot({ path: `test-results/vr-missing-${target}.png` })
    const state = await page.evaluate(() => ({ hash: location.hash, phase: document.querySelector<HTMLElement>('[data-testid="run-panel"]')?.dataset.phase, hits: (window as unknown as { __sophora: { rayHits(n: string): string[] | null } }).__sophora.rayHits('run-next') }))
    throw new Error(`no 3D object "${target}": ${JSON.stringify(state)}; ${e}`)
  })
  const aimed = await page.evaluate((n) => (window as unknown as { __sophora: Hooks }).__sophora.aim(n), target)
  expect(aimed, `aim at ${target}`).toBe(true)
  await frames(page, 2)
  await page.evaluate(() => (window as unknown as { __sophora: Hooks }).__sophora.xr().getState().emulator!.controllers.right.updateButtonValue('trigger', 1))
  await frames(page, 2)
  await page.evaluate(() => (window as unknown as { __sophora: Hooks }).__sophora.xr().getState().emulator!.controllers.right.updateButtonValue('trigger', 0))
  // The release may end the visit (back to the lobby, where the stage draws nothing).
  await Promise.race([frames(page, 3), page.waitForSelector('[data-testid="lobby"]', { timeout: 30_000 })])
}

/** Hide IWER's dev UI overlay so screenshots show what the headset shows. */
async function hideDevUI(page: Page) {
  await page.evaluate(() => {
    const emu = (window as unknown as { __sophora: Hooks }).__sophora.xr().getState().emulator as unknown as Record<symbol, { devui?: { devUIContainer?: HTMLElement } }>
    for (const k of Object.getOwnPropertySymbols(emu)) {
      const c = emu[k]?.devui?.devUIContainer
      if (c) c.style.display = 'none'
    }
  })
}

const phase = (page: Page) => page.locator('[data-testid="run-panel"]').getAttribute('data-phase')

/** Every exhibit folder in this build (SOPHORA_EXHIBITS builds a subset). */
function exhibitIds(): string[] {
  const only = process.env.SOPHORA_EXHIBITS?.split(',').map((x) => x.trim()).filter(Boolean)
  return readdirSync('exhibits').filter((d) => existsSync(`exhibits/${d}/manifest.json`) && (!only || only.includes(d))).sort()
}

describe('every exhibit in VR (emulated Quest 3, controller only, English)', () => {
  it('switches the center to English', async () => {
    await b.page.goto(server.url)
    await b.page.click('[data-testid="lang-switch"]')
    await b.page.waitForSelector('#cat-emergency:text("Emergency escape")')
  })

  for (const id of exhibitIds()) {
    it(`${id}: offers Enter VR, starts an immersive-vr session and plays to the stamp`, async () => {
      const { page } = b
      const { steps, quiz } = await correctAnswers(id)
      await page.goto(`${server.url}/exhibit/${id}?xr-emulate&visit=${id}`)
      await waitForExhibit(page)
      await page.click('[data-testid="enter-vr"]', { timeout: 30_000 })
      await page.waitForFunction(() => (window as unknown as { __sophora: Hooks }).__sophora.xr().getState().mode === 'immersive-vr', null, { timeout: 30_000 })
      await page.waitForFunction(() => !!(window as unknown as { __sophora: Hooks }).__sophora.find('vr-panel'), null, { timeout: 30_000 })
      await hideDevUI(page)
      await page.screenshot({ path: `test-results/vr-${id}-intro.png` })
      await pull(page, 'run-start')
      await expect(phase(page)).resolves.toBe('step')
      for (const c of steps) {
        await pull(page, `choice-${c}`)
        await page.waitForSelector('[data-testid="feedback"].ok', { timeout: 15_000 }).catch(async (e) => {
          await page.screenshot({ path: `test-results/vr-${id}-fail-${c}.png` })
          const hits = await page.evaluate((n) => (window as unknown as { __sophora: { rayHits(n: string): string[] | null } }).__sophora.rayHits(n), `choice-${c}`)
          throw new Error(`${id}: step choice ${c} not accepted (ray crosses ${JSON.stringify(hits)}): ${e}`)
        })
        await pull(page, 'run-next')
      }
      await expect(phase(page)).resolves.toBe('quiz')
      await page.screenshot({ path: `test-results/vr-${id}-quiz.png` })
      for (const c of quiz) {
        await pull(page, `choice-${c}`)
        await page.waitForSelector('[data-testid="feedback"]', { timeout: 15_000 })
        await pull(page, 'run-next')
      }
      await page.waitForSelector('[data-testid="result"][data-passed="true"]')
      await pull(page, 'run-lobby')
      await page.waitForSelector('[data-testid="lobby"]')
      await page.waitForSelector(`[data-exhibit="${id}"] .seal--earned`)
      expect(b.errors).toEqual([])
      expect(b.externalRequests).toEqual([])
    })
  }
})
