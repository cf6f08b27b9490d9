/**
 * The exhibit contract in real Chromium, flat mode, for every folder under exhibits/ (found on
 * disk, so a new exhibit is covered without editing this file):
 * - loading shows its progress (the exhibit's narration is held back until the bar shows it);
 * - the scene renders a non-blank frame within the budgets (≤ 100 draw calls, ≤ 300 K
 *   triangles) at every step; headless Chromium has no headset, so no Enter VR button;
 * - a wrong choice is explained, then the exhibit plays to its stamp with one wrong quiz answer,
 *   reporting the visit's events; after leaving, the renderer's geometries and textures are
 *   back where they were in the lobby before it was opened (one visit per exhibit: the platform
 *   disposes an exhibit's whole tree on exit, so the lobby's counts are the same before and after
 *   any visit once the stage exists; only the page's first visit, which makes the stage and its
 *   shared resources, leaves and comes back for its playthrough);
 * - every stamp is still there after a reload (the student checked in with a passport first);
 * - the scene is never hidden behind the panels: the run panel and subtitles lie beside the view
 *   at a 1024×640 tablet and a 1280×800 kiosk, and each exhibit's first step (every step with
 *   SOPHORA_E2E_FULL_LAYOUT=1) has its subjects projected onto those screens clear of them, on
 *   the same visit that plays it (the page itself stays at 640×360: it renders faster, and the
 *   projection takes the other screens' canvas boxes).
 * No page errors, no request off loopback. One server and one browser for all exhibits, 640×360.
 * (The VR playthrough in English is vr.test.ts; axe-core and the keyboard, accessibility.test.ts.)
 */
import type { Page, Route } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listExhibitFolders } from '../../src/build/exhibit-folders.ts'
import { LAYOUT_SIZES, checkLayouts, judgeStep, layoutAt, type Layout } from './a11y-page.ts'
import { playbook, type Playbook } from './answers.ts'
import { onlyExhibits } from './e2e-build.ts'
import {
  canvasVariety,
  checkIn,
  counts,
  createGuide,
  frameCount,
  issuePassports,
  launch,
  startServer,
  waitForExhibit,
  waitFrames,
  type Browser,
  type Counts,
  type RunningServer,
} from './harness.ts'

export const BUDGET = { calls: 100, triangles: 300_000 } as const

// SOPHORA_EXHIBITS=a,b builds only those (vite.config.ts); test exactly what was built.
const only = onlyExhibits()
const exhibits = listExhibitFolders('exhibits').filter((id) => !only || only.includes(id))
const VIEW = { width: 640, height: 360 } as const
/**
 * Every step of every exhibit projected takes minutes here (each step's camera move settles on
 * SwiftShader), so `npm test` projects each exhibit's first step; SOPHORA_E2E_FULL_LAYOUT=1 all
 * (run it after moving objects or changing the panel layout; docs/authoring-exhibits.md says so).
 */
const FULL_LAYOUT = process.env.SOPHORA_E2E_FULL_LAYOUT === '1'
/** The tablet's and the kiosk's layout, read once on the first exhibit (the panel and the band have fixed sizes). */
const layouts: Layout[] = []
const subjectsSeen: string[] = []

let server: RunningServer
let b: Browser
let page: Page
beforeAll(async () => {
  server = await startServer()
  // the stage draws only when a step's picture or counts are checked (the quiz and the clicks need no frames)
  b = await launch({ ...VIEW, holdFrames: true })
  page = b.page
  // A checked-in student: stamps go to their passport and show in the lobby.
  const guide = { name: 'guide-contract', password: 'contract-guide-password-1' }
  createGuide(server, guide)
  const [code] = await issuePassports(server, guide, 1)
  await checkIn(page, server.url, code!)
  await page.goto(server.url)
  await page.waitForSelector('[data-testid="lobby"]')
})
afterAll(async () => {
  await b?.close()
  await server?.stop()
})

const click = (testId: string) => page.click(`[data-testid="${testId}"]`)

async function enter(id: string): Promise<void> {
  await click(`open-${id}`)
  await waitForExhibit(page)
}
async function leave(testId = 'back-to-lobby'): Promise<void> {
  await click(testId)
  await page.waitForSelector('[data-testid="lobby"]')
}

async function readCounts(): Promise<Counts> {
  const c = await counts(page)
  expect(c, 'window.__sophora.counts() (e2e build)').not.toBeNull()
  return c!
}
/** calls/triangles describe the last rendered frame: read them after two more frames. */
async function frameCounts(): Promise<Counts> {
  await waitFrames(page, 2)
  return readCounts()
}
/** In the lobby the stage draws nothing and R3F disposes at idle priority: read once two animation frames pass with no change. */
async function lobbyCounts(): Promise<Counts> {
  const deadline = Date.now() + 10_000
  for (let last = await readCounts(); ;) {
    await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))))
    const now = await readCounts()
    if ((now.geometries === last.geometries && now.textures === last.textures) || Date.now() > deadline) return now
    last = now
  }
}
const memory = (c: Counts) => ({ geometries: c.geometries, textures: c.textures })

function withinBudget(c: Counts, where: string): void {
  expect(c.calls, `${where}: draw calls (budget ${BUDGET.calls}, aim 60)`).toBeLessThanOrEqual(BUDGET.calls)
  expect(c.triangles, `${where}: triangles (budget ${BUDGET.triangles})`).toBeLessThanOrEqual(BUDGET.triangles)
}

/**
 * Open an exhibit with its narration held back, and wait until the progress bar shows how far
 * loading got (code and preload done: 65–89 %, its value in the text too); then let it finish.
 */
async function enterWatchingProgress(id: string): Promise<number> {
  const held: Route[] = []
  let release = false
  const hold = (route: Route) => {
    if (release) void route.continue()
    else held.push(route)
  }
  await page.route(/\.mp3(\?.*)?$/, hold)
  try {
    await click(`open-${id}`)
    const shown = await page.waitForFunction(
      () => {
        const bar = document.querySelector('[data-testid="loading"]')
        const pct = Number(bar?.getAttribute('aria-valuenow'))
        return bar && pct >= 65 && pct < 90 && bar.textContent?.includes(String(pct)) ? pct : null
      },
      null,
      { timeout: 30_000 },
    )
    await expect.poll(() => held.length, { message: 'narration requested while loading' }).toBeGreaterThan(0)
    return (await shown.jsonValue())!
  } finally {
    release = true
    for (const r of held) await r.continue()
    await page.unroute(/\.mp3(\?.*)?$/, hold)
  }
}

describe('exhibit contract in Chromium', () => {
  it('finds the exhibits and lists each in the lobby', async () => {
    if (!only) expect(exhibits).toContain('fire-escape')
    for (const id of exhibits) expect(await page.locator(`[data-testid="open-${id}"]`).count(), `lobby card for ${id}`).toBe(1)
  })

  describe.each(exhibits)('%s', (id) => {
    let plan: Playbook
    let baseline: Counts
    /** the intro check leaves the exhibit only on the page's first visit (see the file's comment) */
    let left = false
    let eventsBefore = 0
    const errorsBefore = () => b.errors.length

    beforeAll(async () => {
      plan = await playbook(id)
    })

    it('shows loading progress, then a non-blank frame within budget, flat only; sets the baseline', async () => {
      const before = errorsBefore()
      eventsBefore = await page.evaluate(() => window.__sophora!.events.length)
      // no counts yet: the stage (and its shared resources, e.g. the text atlas) is made on the page's first visit
      const first = (await counts(page)) === null
      if (!first) baseline = await lobbyCounts()
      await enterWatchingProgress(id)
      await waitForExhibit(page)
      await waitFrames(page, 3)
      expect(await canvasVariety(page), 'the first frame is blank').toBeGreaterThan(id === 'fire-escape' ? 0.2 : 0.05)
      withinBudget(await frameCounts(), `${id} intro`)
      // Headless Chromium has navigator.xr but no headset: no Enter VR button, flat mode only.
      expect(await page.locator('[data-testid="enter-vr"]').count()).toBe(0)
      await page.screenshot({ path: `test-results/${id}-intro.png` })
      if (!layouts.length) {
        for (const s of LAYOUT_SIZES) layouts.push(await layoutAt(page, s.width, s.height))
        await page.setViewportSize(VIEW)
        checkLayouts(layouts)
      }
      if (first) {
        await leave()
        baseline = await lobbyCounts()
        left = true
      }
      expect(b.errors.slice(before)).toEqual([])
    })

    it('explains a wrong choice, plays to its stamp within budget at every step, then leaves nothing behind', async () => {
      const before = errorsBefore()
      if (left) {
        eventsBefore = await page.evaluate(() => window.__sophora!.events.length)
        await enter(id)
      }
      await click('run-start')
      const live = await frameCounts()
      expect(live.geometries, 'the scene allocates geometry (else the leak check proves nothing)').toBeGreaterThan(baseline.geometries)
      const layoutProblems: string[] = []
      const offScreen: string[] = []
      for (const [i, step] of plan.steps.entries()) {
        const right = plan.right.steps[i]!
        await page.waitForSelector(`[data-testid="choice-${right}"]`)
        withinBudget(await frameCounts(), `${id} step ${i + 1} "${step.id}"`)
        if (i === 0 || FULL_LAYOUT) {
          await page.waitForSelector(`[data-testid="run-panel"][data-phase="step"] [data-testid="choice-${right}"]:not([disabled])`)
          const found = await judgeStep(page, id, step.id, layouts)
          layoutProblems.push(...found.problems)
          offScreen.push(...found.offScreen)
          subjectsSeen.push(...found.seen)
        }
        if (i === plan.wrongStep.step) {
          await click(`choice-${plan.wrongStep.choice}`)
          const fb = page.locator('[data-testid="feedback"]')
          await expect(fb.getAttribute('class')).resolves.toContain('no')
          expect((await fb.textContent())?.length, 'a wrong choice is explained').toBeGreaterThan(10)
          await click('run-next')
        }
        await click(`choice-${right}`)
        await expect(page.locator('[data-testid="feedback"]').getAttribute('class')).resolves.toContain('ok')
        await click('run-next')
      }
      expect(layoutProblems, `${id}: step subjects under a panel`).toEqual([])
      // No step's subjects may be all off screen, except fire escape's towel on its hook and its low exit signs (their boxes
      // project behind the viewer; found so and left to the exhibit's author); a new one fails.
      expect(
        offScreen.filter((w) => !/^fire-escape\/(cloth|low) /.test(w)),
        `${id}: steps whose subjects are all off screen`,
      ).toEqual([])
      await page.waitForSelector('[data-testid="run-panel"][data-phase="quiz"]')
      const framesAtQuiz = await frameCount(page)
      // One wrong quiz answer when the pass mark allows it (it does for every exhibit today).
      const oneWrong = plan.quiz.length - 1 >= plan.pass
      for (const [i, right] of plan.right.quiz.entries()) {
        await page.waitForSelector(`[data-testid="choice-${right}"]`)
        await click(`choice-${i === 0 && oneWrong ? plan.wrongQuiz : right}`)
        await page.waitForSelector('[data-testid="feedback"]')
        if (i === 0 && oneWrong) {
          // a wrong answer names the right one and says why the pick was wrong, with one verdict
          const rightLabel = (await page.locator(`[data-testid="choice-${right}"]`).textContent())!
          await expect(page.locator('[data-testid="right-answer"]').textContent()).resolves.toBe(`正确答案：${rightLabel}`)
          expect((await page.locator('[data-testid="feedback-reason"]').textContent())?.length, 'the picked choice is explained').toBeGreaterThan(3)
          expect(await page.locator('[data-testid="feedback"]').textContent()).not.toMatch(/^不对哦\s*(对|不对|正确|错)/)
        }
        await click('run-next')
      }
      await page.waitForSelector('[data-testid="result"][data-passed="true"]')
      // held, the stage drew nothing while the quiz was answered (else the suite pays for frames nobody checks)
      expect(await frameCount(page), 'frames drawn during the quiz by a held stage').toBe(framesAtQuiz)
      const n = plan.quiz.length
      await expect(page.locator('[data-testid="result"]').textContent()).resolves.toContain(`答对 ${oneWrong ? n - 1 : n} / ${n} 题`)
      withinBudget(await frameCounts(), `${id} result`)
      await page.screenshot({ path: `test-results/${id}-result.png` })
      const events = (await page.evaluate(() => window.__sophora!.events))
        .slice(eventsBefore)
        .filter((e) => e.exhibitId === id)
        .map((e) => e.type)
      expect(events).toEqual(
        expect.arrayContaining(['exhibit-started', 'step-mistake', 'step-completed', 'answer-given', 'exhibit-completed', 'stamp-awarded']),
      )
      expect(events.filter((e) => e === 'step-completed')).toHaveLength(plan.steps.length)
      expect(events.filter((e) => e === 'answer-given')).toHaveLength(n)
      await leave('run-lobby')
      await page.waitForSelector(`[data-exhibit="${id}"] .seal--earned`)
      // R3F disposes at idle priority: the counts must come back, not merely stop changing.
      await expect
        .poll(async () => memory(await readCounts()), { timeout: 10_000, message: `${id}: GPU resources after exit vs. baseline` })
        .toEqual(memory(baseline))
      expect(b.errors.slice(before)).toEqual([])
      expect(b.externalRequests).toEqual([])
    })
  })

  it('keeps every stamp after a reload', async () => {
    await page.reload()
    await page.waitForSelector('[data-testid="lobby"]')
    await expect(page.locator('[data-testid="stamp-count"]').textContent()).resolves.toMatch(new RegExp(`已获得 ${exhibits.length} /`))
    for (const id of exhibits) expect(await page.locator(`[data-exhibit="${id}"] .seal--earned`).count(), `${id} stamp`).toBe(1)
    expect(b.errors).toEqual([])
  })

  it(`projected ${FULL_LAYOUT ? 'every step' : 'the first step'} of every exhibit at both screen sizes, each naming a subject`, () => {
    console.log(`[layout] subjects:\n${subjectsSeen.join('\n')}`)
    expect(layouts.map((l) => l.size)).toEqual(LAYOUT_SIZES)
    expect(subjectsSeen.length).toBeGreaterThanOrEqual(exhibits.length * 2)
  })
})
