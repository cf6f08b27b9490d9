import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { launch, startServer, waitForExhibit, type Browser, type RunningServer } from './harness.ts'
import { correctAnswers } from './answers.ts'

/**
 * Fire escape inside an emulated immersive-vr session (IWER, Quest 3), played only with
 * the right controller: aim its ray at a 3D button of the VR panel and pull the trigger.
 */
let server: RunningServer
let b: Browser
beforeAll(async () => { server = await startServer(); b = await launch({ width: 640, height: 400 }) })
afterAll(async () => { await b?.close(); await server?.stop() })

type Hooks = { aim(name: string): boolean; find(name: string): { visible: boolean } | null; xr(): { getState(): { mode?: string | null; emulator?: { controllers: { right: { updateButtonValue(id: string, v: number): void } } } } } }
const hooks = (p: Page) => p.evaluateHandle(() => (window as unknown as { __sophora: Hooks }).__sophora)

/** Wait until the renderer has drawn `n` more frames (SwiftShader frame times vary a lot under load). */
async function frames(page: Page, n: number) {
  const start = await page.evaluate(() => (window as unknown as { __sophoraFrames: number }).__sophoraFrames)
  await page.waitForFunction((s) => (window as unknown as { __sophoraFrames: number }).__sophoraFrames >= s, start + n, { timeout: 30_000 }).catch(async (e) => {
    const state = await page.evaluate(() => ({ mode: (window as unknown as { __sophora: Hooks }).__sophora.xr().getState().mode, hash: location.hash, frames: (window as unknown as { __sophoraFrames: number }).__sophoraFrames }))
    await page.screenshot({ path: 'test-results/vr-stalled.png' })
    throw new Error(`no frames drawn: ${JSON.stringify(state)}, page errors: ${b.errors.join(' | ')}; ${e}`)
  })
}

async function pull(page: Page, target: string) {
  await page.waitForFunction((n) => !!(window as unknown as { __sophora: Hooks }).__sophora.find(n), target, { timeout: 20_000 })
  const aimed = await page.evaluate((n) => (window as unknown as { __sophora: Hooks }).__sophora.aim(n), target)
  expect(aimed, `aim at ${target}`).toBe(true)
  await frames(page, 3)
  await page.evaluate(() => (window as unknown as { __sophora: Hooks }).__sophora.xr().getState().emulator!.controllers.right.updateButtonValue('trigger', 1))
  await frames(page, 3)
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

describe('fire escape in VR (emulated Quest 3, controller clicks)', () => {
  it('offers Enter VR and starts an immersive-vr session', async () => {
    const { page } = b
    await hooks(page).catch(() => null)
    await page.goto(`${server.url}/?xr-emulate#/exhibit/fire-escape`)
    await waitForExhibit(page)
    await page.click('[data-testid="enter-vr"]', { timeout: 30_000 })
    await page.waitForFunction(() => (window as unknown as { __sophora: Hooks }).__sophora.xr().getState().mode === 'immersive-vr', null, { timeout: 30_000 })
    await page.waitForFunction(() => !!(window as unknown as { __sophora: Hooks }).__sophora.find('vr-panel'), null, { timeout: 30_000 })
    await hideDevUI(page)
    await page.waitForTimeout(500)
    await page.screenshot({ path: 'test-results/fire-escape-vr.png' })
  })

  it('plays every step and the quiz to the stamp with the controller', async () => {
    const { page } = b
    const { steps: STEPS, quiz: QUIZ } = await correctAnswers('fire-escape')
    await pull(page, 'run-start')
    await expect(phase(page)).resolves.toBe('step')
    for (const c of STEPS) {
      await pull(page, `choice-${c}`)
      await page.waitForSelector(`[data-testid="feedback"].ok`, { timeout: 10_000 }).catch(async (e) => { await page.screenshot({ path: `test-results/vr-fail-${c}.png` }); throw new Error(`step choice ${c} not accepted: ${e}`) })
      await pull(page, 'run-next')
    }
    await expect(phase(page)).resolves.toBe('quiz')
    await page.screenshot({ path: 'test-results/fire-escape-vr-quiz.png' })
    for (const c of QUIZ) {
      await pull(page, `choice-${c}`)
      await page.waitForSelector('[data-testid="feedback"]', { timeout: 10_000 })
      await pull(page, 'run-next')
    }
    await page.waitForSelector('[data-testid="result"][data-passed="true"]')
    await pull(page, 'run-lobby')
    await page.waitForSelector('[data-testid="lobby"]')
    await page.waitForSelector('[data-exhibit="fire-escape"] .seal--earned')
    expect(b.errors).toEqual([])
    expect(b.externalRequests).toEqual([])
  })
})
