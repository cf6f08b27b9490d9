import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { canvasVariety, counts, launch, startServer, waitForExhibit, type Browser, type RunningServer } from './harness.ts'

/** The right choice per step, and per quiz item, as a student who learned the lesson would click. */
const STEPS = ['alarm-leave', 'door-back-of-hand', 'cloth-wet-towel', 'low-crouch', 'stairs-take-stairs', 'close-door-shut', 'out-stay-call']
const QUIZ = ['q-stairs', 'q-warn-and-leave', 'q-stay-out', 'q-keep-closed', 'q-smoke-shut-door', 'q-leave-now', 'q-signal-help', 'q-tell-details']

let server: RunningServer
let b: Browser
beforeAll(async () => { server = await startServer(); b = await launch({ width: 800, height: 600 }) })
afterAll(async () => { await b?.close(); await server?.stop() })

const click = async (testId: string) => {
  await b.page.click(`[data-testid="${testId}"]`)
}

describe('fire escape, flat mode, by clicking', () => {
  let baseline: Awaited<ReturnType<typeof counts>>
  it('shows loading progress, then the scene; the scene is not blank', async () => {
    const { page } = b
    await page.goto(server.url)
    await page.click('[data-testid="open-fire-escape"]')
    await page.waitForSelector('[data-testid="loading"]', { timeout: 10_000 }).catch(() => { /* may already be done */ })
    await waitForExhibit(page)
    await page.waitForTimeout(800)
    expect(await canvasVariety(page)).toBeGreaterThan(0.2)
    // Headless Chromium has navigator.xr but no headset: no Enter VR button, flat mode only.
    expect(await page.locator('[data-testid="enter-vr"]').count()).toBe(0)
    await page.screenshot({ path: 'test-results/fire-escape-intro.png' })
  })

  it('plays every step, with an explanation for a wrong choice', async () => {
    const { page } = b
    await click('run-start')
    // A wrong first try: the lift is never the way out.
    for (const [i, right] of STEPS.entries()) {
      await page.waitForSelector(`[data-testid="choice-${right}"]`)
      if (right === 'stairs-take-stairs') {
        await click('choice-stairs-take-lift')
        const fb = page.locator('[data-testid="feedback"]')
        await expect(fb.getAttribute('class')).resolves.toContain('no')
        expect((await fb.textContent())?.length).toBeGreaterThan(10)
        await click('run-next')
      }
      await click(`choice-${right}`)
      await expect(page.locator('[data-testid="feedback"]').getAttribute('class')).resolves.toContain('ok')
      if (i === 3) await page.screenshot({ path: 'test-results/fire-escape-step-low.png' })
      await click('run-next')
    }
    await page.waitForSelector('[data-testid="run-panel"][data-phase="quiz"]')
  })

  it('answers the quiz (one wrong), earns the stamp and keeps it after a refresh', async () => {
    const { page } = b
    for (const [i, right] of QUIZ.entries()) {
      await page.waitForSelector(`[data-testid="choice-${right}"]`)
      if (i === 0) await click('choice-q-take-lift')
      else await click(`choice-${right}`)
      await page.waitForSelector('[data-testid="feedback"]')
      await click('run-next')
    }
    await page.waitForSelector('[data-testid="result"][data-passed="true"]')
    await expect(page.locator('[data-testid="result"]').textContent()).resolves.toMatch(/答对 7 \/ 8 题/)
    await page.screenshot({ path: 'test-results/fire-escape-result.png' })
    const events = await page.evaluate(() => (window as unknown as { __sophora: { events: { type: string }[] } }).__sophora.events.map((e) => e.type))
    expect(events).toEqual(expect.arrayContaining(['exhibit-started', 'step-mistake', 'step-completed', 'answer-given', 'exhibit-completed', 'stamp-awarded']))
    expect(events.filter((e) => e === 'step-completed')).toHaveLength(STEPS.length)
    await click('run-lobby')
    await page.waitForSelector('[data-exhibit="fire-escape"] .seal--earned')
    await page.reload()
    await page.waitForSelector('[data-testid="lobby"]')
    await expect(page.locator('[data-testid="stamp-count"]').textContent()).resolves.toMatch(/已获得 1 \//)
    expect(await page.locator('[data-exhibit="fire-escape"] .seal--earned').count()).toBe(1)
  })

  it('leaves no geometry or texture behind after exiting (renderer counts)', async () => {
    const { page } = b
    await page.click('[data-testid="open-fire-escape"]')
    await waitForExhibit(page)
    await click('back-to-lobby')
    await page.waitForSelector('[data-testid="lobby"]')
    baseline = await counts(page)
    for (let i = 0; i < 3; i++) {
      await page.click('[data-testid="open-fire-escape"]')
      await waitForExhibit(page)
      await click('run-start')
      await page.waitForTimeout(500)
      const live = await counts(page)
      expect(live!.geometries).toBeGreaterThan(baseline!.geometries)
      await click('back-to-lobby')
      await page.waitForSelector('[data-testid="lobby"]')
      await page.waitForTimeout(100)
      const after = await counts(page)
      expect({ geometries: after!.geometries, textures: after!.textures }).toEqual({ geometries: baseline!.geometries, textures: baseline!.textures })
    }
  })

  it('plays in English too, with narration subtitles', async () => {
    const { page } = b
    await click('lang-switch')
    await page.click('[data-testid="open-fire-escape"]')
    await waitForExhibit(page)
    await expect(page.locator('[data-testid="run-panel"] h2').textContent()).resolves.toBe('Fire Escape')
    const subtitle = await page.waitForFunction(() => (window as unknown as { __sophora: { audio: { getState(): { subtitle: { text: string } | null } } } }).__sophora.audio.getState().subtitle?.text ?? null, null, { timeout: 20_000 })
    expect(await subtitle.jsonValue()).toMatch(/[A-Za-z]{3,}/)
    await click('run-start')
    await page.waitForSelector('[data-testid="choice-alarm-leave"]')
    await expect(page.locator('[data-testid="prompt"]').textContent()).resolves.toMatch(/alarm/i)
    await page.screenshot({ path: 'test-results/fire-escape-en.png' })
    expect(b.externalRequests).toEqual([])
    expect(b.errors).toEqual([])
  })
})
