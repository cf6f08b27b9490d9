/**
 * The exhibit contract in real Chromium, for every folder under exhibits/ (found on disk, so a
 * new exhibit is covered without editing this file): the module loads, the scene renders a
 * non-blank frame within the budgets (≤ 100 draw calls, ≤ 300 K triangles) at every step, the
 * exhibit plays to its stamp with its own right answers, and after leaving, the renderer's
 * geometries and textures are back where they were. No page errors, no request off loopback.
 * One browser for all exhibits, 640×360.
 */
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listExhibitFolders } from '../../src/build/exhibit-folders.ts'
import type { QuizItem, StepDef } from '../../src/core/exhibit-kit.ts'
import { canvasVariety, counts, launch, startServer, waitForExhibit, type Browser, type Counts, type RunningServer } from './harness.ts'

export const BUDGET = { calls: 100, triangles: 300_000 } as const

// SOPHORA_EXHIBITS=a,b builds only those (vite.config.ts); test exactly what was built.
const only = process.env.SOPHORA_EXHIBITS?.split(',').map((x) => x.trim()).filter(Boolean)
const exhibits = listExhibitFolders('exhibits').filter((id) => !only?.length || only.includes(id))

let server: RunningServer
let b: Browser
beforeAll(async () => {
  server = await startServer()
  b = await launch({ width: 640, height: 360 })
  await b.page.goto(server.url)
  await b.page.waitForSelector('[data-testid="lobby"]')
})
afterAll(async () => { await b?.close(); await server?.stop() })

const click = (testId: string) => b.page.click(`[data-testid="${testId}"]`)

async function enter(id: string): Promise<void> {
  await click(`open-${id}`)
  await waitForExhibit(b.page)
}
async function leave(): Promise<void> {
  await click('back-to-lobby')
  await b.page.waitForSelector('[data-testid="lobby"]')
  await b.page.waitForTimeout(100)
}

/** The counts a couple of frames from now (calls/triangles describe the last rendered frame). */
async function settledCounts(ms = 200): Promise<Counts> {
  await b.page.waitForTimeout(ms)
  const c = await counts(b.page)
  expect(c, 'window.__sophora.counts() (e2e build)').not.toBeNull()
  return c!
}

function withinBudget(c: Counts, where: string): void {
  expect(c.calls, `${where}: draw calls (budget ${BUDGET.calls}, aim 60)`).toBeLessThanOrEqual(BUDGET.calls)
  expect(c.triangles, `${where}: triangles (budget ${BUDGET.triangles})`).toBeLessThanOrEqual(BUDGET.triangles)
}

describe('exhibit contract in Chromium', () => {
  it('finds the exhibits and lists each in the lobby', async () => {
    if (!only?.length) expect(exhibits).toContain('fire-escape')
    for (const id of exhibits) expect(await b.page.locator(`[data-testid="open-${id}"]`).count(), `lobby card for ${id}`).toBe(1)
  })

  describe.each(exhibits)('%s', (id) => {
    let steps: StepDef[]
    let quiz: QuizItem[]
    let baseline: Counts
    const errorsBefore = () => b.errors.length

    beforeAll(async () => {
      steps = ((await import(pathToFileURL(resolve('exhibits', id, 'steps.ts')).href)) as { steps: StepDef[] }).steps
      quiz = ((await import(pathToFileURL(resolve(join('exhibits', id, 'quiz.ts'))).href)) as { quiz: QuizItem[] }).quiz
    })

    it('loads, renders a non-blank frame within budget, and sets the baseline', async () => {
      const before = errorsBefore()
      await enter(id)
      await b.page.waitForTimeout(800)
      expect(await canvasVariety(b.page), 'the first frame is blank').toBeGreaterThan(0.05)
      withinBudget(await settledCounts(), `${id} intro`)
      await leave()
      baseline = await settledCounts(100)
      expect(b.errors.slice(before)).toEqual([])
    })

    it('plays to its stamp within budget at every step, then leaves nothing behind', async () => {
      const before = errorsBefore()
      const { page } = b
      await enter(id)
      await click('run-start')
      const live = await settledCounts()
      expect(live.geometries, 'the scene allocates geometry (else the leak check proves nothing)').toBeGreaterThan(baseline.geometries)
      for (const [i, step] of steps.entries()) {
        const right = step.choices.find((c) => c.correct)!
        await page.waitForSelector(`[data-testid="choice-${right.id}"]`)
        withinBudget(await settledCounts(), `${id} step ${i + 1} "${step.id}"`)
        await click(`choice-${right.id}`)
        await expect(page.locator('[data-testid="feedback"]').getAttribute('class')).resolves.toContain('ok')
        await click('run-next')
      }
      for (const item of quiz) {
        const right = item.choices.find((c) => c.correct)!
        await page.waitForSelector(`[data-testid="choice-${right.id}"]`)
        await click(`choice-${right.id}`)
        await page.waitForSelector('[data-testid="feedback"]')
        await click('run-next')
      }
      await page.waitForSelector('[data-testid="result"][data-passed="true"]')
      withinBudget(await settledCounts(), `${id} result`)
      await leave()
      await page.waitForSelector(`[data-exhibit="${id}"] .seal--earned`)
      const after = await settledCounts(100)
      expect({ geometries: after.geometries, textures: after.textures }, `${id}: GPU resources after exit vs. baseline`)
        .toEqual({ geometries: baseline.geometries, textures: baseline.textures })
      expect(b.errors.slice(before)).toEqual([])
      expect(b.externalRequests).toEqual([])
    })
  })
})
