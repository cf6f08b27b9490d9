/**
 * A brand-new exhibit from `npm run new-exhibit` builds, shows up in the lobby and plays to its
 * stamp in real Chromium — by clicking its 3D objects for the steps, as a visitor would.
 *
 * The e2e global setup made it with the script's own createExhibit (narration included) and
 * built it into the one e2e build (e2e-build.ts), so this file needs no build of its own.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { flatFov } from '../../src/scene/flat-fov.ts'
import { NEW_EXHIBIT, SCAFFOLD_DIR } from './e2e-build.ts'
import {
  checkIn,
  createGuide,
  issuePassports,
  canvasVariety,
  launch,
  startServer,
  waitForExhibit,
  waitFrames,
  type Browser,
  type RunningServer,
} from './harness.ts'

const ID = NEW_EXHIBIT.id

let server: RunningServer
let b: Browser
let page: Page
beforeAll(async () => {
  server = await startServer()
  // Wide enough that the run panel does not cover the objects the test clicks. Held: the stage
  // draws only the frames a check asks for (the first picture, each click's target, the screenshot).
  b = await launch({ width: 1280, height: 720, holdFrames: true })
  // A checked-in student: the stamp goes to their passport and shows in the lobby.
  const guide = { name: 'guide-e2e', password: 'e2e-guide-password-1' }
  createGuide(server, guide)
  const [code] = await issuePassports(server, guide, 1)
  await checkIn(b.page, server.url, code!)
  page = b.page
})
afterAll(async () => {
  await b?.close()
  await server?.stop()
})

const find = (name: string) => page.evaluate((n) => window.__sophora!.find(n), name)

/** Click a named 3D object where it appears on the canvas (the stage camera: origin, 1.6 m, looking -z, fov fitted to the canvas). */
async function clickObject(name: string): Promise<void> {
  // The object is in the scene and shown, and a frame has drawn it where it now stands.
  await page.waitForFunction((n) => window.__sophora?.find?.(n)?.visible === true, name, { timeout: 20_000 })
  await waitFrames(page, 2)
  const p = (await find(name))!
  const box = (await page.locator('[data-testid="stage"] canvas').boundingBox())!
  const f = Math.tan((flatFov(box.width / box.height) / 2) * (Math.PI / 180))
  const ndcX = p.x / -p.z / (f * (box.width / box.height))
  const ndcY = (p.y - 1.6) / -p.z / f
  await page.mouse.click(box.x + ((ndcX + 1) / 2) * box.width, box.y + ((1 - ndcY) / 2) * box.height)
}

describe('a new exhibit from the template', () => {
  it('was made by the script, with its narration', () => {
    expect(existsSync(join(SCAFFOLD_DIR, ID, 'manifest.json'))).toBe(true)
    expect(existsSync(join(SCAFFOLD_DIR, ID, 'assets/narration/en'))).toBe(true)
  })

  it('is listed in the lobby with its title', async () => {
    await page.goto(server.url)
    await page.waitForSelector(`[data-testid="open-${ID}"]`)
    await expect(page.locator(`[data-exhibit="${ID}"] h3`).textContent()).resolves.toBe(NEW_EXHIBIT.titleZh)
  })

  it('plays to its stamp: steps by clicking the scene, then the quiz', async () => {
    await page.click(`[data-testid="open-${ID}"]`)
    await waitForExhibit(page)
    await waitFrames(page, 3)
    expect(await canvasVariety(page)).toBeGreaterThan(0.05)
    await page.click('[data-testid="run-start"]')
    for (const target of ['look-target', 'touch-target']) {
      await page.waitForSelector('[data-testid="run-panel"][data-phase="step"]')
      await clickObject(target)
      await expect(page.locator('[data-testid="feedback"]').getAttribute('class')).resolves.toContain('ok')
      if (target === 'look-target') {
        await waitFrames(page, 2)
        await page.screenshot({ path: join('test-results', 'new-exhibit-step.png') })
      }
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
    expect(b.errors).toEqual([])
    expect(b.externalRequests).toEqual([])
  })
})
