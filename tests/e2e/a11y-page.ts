/**
 * Page-side helpers of accessibility.test.ts and contract.test.ts: axe-core, keyboard focus, and
 * the layout boxes that lie over the 3D view (the contract projects each step's subjects while it
 * plays them). Kept apart so the test files read as the stories they check.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import type { ScreenBox, ScreenSubject } from '../../src/test-bridge/subjects.ts'

export interface AxeFinding {
  id: string
  impact: string
  help: string
  nodes: string[]
}

/**
 * axe-core (WCAG 2.0–2.2 A and AA rules) on the page as it is now; only serious and critical
 * findings come back. The script is injected from node_modules once per document.
 */
export async function axeSerious(page: Page): Promise<AxeFinding[]> {
  // evaluated, not a <script> tag: the app's CSP allows no inline script (DevTools evaluation is exempt)
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8'))
  return page.evaluate(async () => {
    type Result = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Result[] }> } }).axe
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }))
  })
}

/** The data-testid of the focused element ('' when none has one). */
export const focused = (page: Page): Promise<string> => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '')

/** Press Tab (only the keyboard) until the element with this data-testid has focus. */
export async function tabTo(page: Page, testId: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await focused(page)) === testId) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${testId} (focus is on "${await focused(page)}")`)
}

/** What lies over (or beside) the 3D canvas at one window size, in client pixels. */
export interface Layout {
  size: { width: number; height: number }
  canvas: ScreenBox
  header: ScreenBox
  panel: ScreenBox
  subtitles: ScreenBox
  /** the back / VR buttons over the canvas's top corners */
  buttons: ScreenBox[]
}

/**
 * Resize the window and read the layout once it has applied (the canvas has its new size), with a
 * longest subtitle line showing: the band is measured at its tallest.
 */
export async function layoutAt(page: Page, width: number, height: number): Promise<Layout> {
  await page.setViewportSize({ width, height })
  const handle = await page.waitForFunction(
    (size) => {
      const audio = window.__sophora!.audio.getState()
      if (audio.subtitle?.cue !== 'layout-probe')
        audio.setSubtitle({
          cue: 'layout-probe',
          // the longest line subtitle-timing.ts makes: 22 CJK characters
          text: '这是一行最长的字幕，用来量出字幕带最多有多高',
        })
      const box = (el: Element | null) => {
        const r = el?.getBoundingClientRect()
        return r && r.width > 0 ? { x: r.left, y: r.top, w: r.width, h: r.height } : null
      }
      const canvas = box(document.querySelector('[data-testid="stage"] canvas'))
      const stage = box(document.querySelector('[data-testid="stage"]'))
      const sub = box(document.querySelector('.subtitle-bar[data-cue="layout-probe"]'))
      const panel = box(document.querySelector('[data-testid="run-panel"]'))
      const header = box(document.querySelector('.shell-header'))
      // the canvas follows its container a frame or two after the resize
      if (
        !canvas ||
        !stage ||
        !sub ||
        !panel ||
        !header ||
        window.innerWidth !== size.width ||
        Math.abs(canvas.w - stage.w) > 1 ||
        Math.abs(canvas.h - stage.h) > 1
      )
        return null
      const buttons = [...document.querySelectorAll('.exhibit-chrome .btn')].map(box).filter((b) => b !== null)
      return { canvas, header, panel, subtitles: sub, buttons }
    },
    { width, height },
  )
  const l = (await handle.jsonValue()) as Omit<Layout, 'size'>
  await page.evaluate(() => window.__sophora!.audio.getState().setSubtitle(null))
  return { size: { width, height }, ...l }
}

/**
 * The step's subjects projected for each layout's canvas, once the scene has settled: read every
 * frame until no subject moved more than 3 px since the frame before (a world that eases into a
 * crouch settles; a spinning item never quite does, so at most 12 frames), waiting on frames only.
 */
export async function settledSubjects(page: Page, stepId: string, canvases: ScreenBox[]): Promise<ScreenSubject[][]> {
  return page.evaluate(
    ({ stepId, canvases }) =>
      new Promise<ScreenSubject[][]>((done) => {
        const b = window.__sophora!
        // the scene must move to settle: a held stage (harness launch's holdFrames) draws meanwhile
        const held = b.held()
        if (held) b.hold(false)
        const finish = (r: ScreenSubject[][]) => {
          if (held) b.hold(true)
          done(r)
        }
        const read = () => canvases.map((c) => b.subjects(stepId, c))
        let last = read()
        let n = 0
        const moved = (a: ScreenSubject[][], z: ScreenSubject[][]) =>
          a.some((list, i) =>
            list.some((s, j) => {
              const t = z[i]?.[j]
              if (!t || !s.box || !t.box) return s.box !== t?.box
              return Math.max(Math.abs(s.box.x - t.box.x), Math.abs(s.box.y - t.box.y), Math.abs(s.box.w - t.box.w), Math.abs(s.box.h - t.box.h)) > 3
            }),
          )
        const tick = () => {
          const now = read()
          n++
          // the first two frames only let the scene take in the new step
          if (n > 2 && (!moved(now, last) || n >= 12)) return finish(now)
          last = now
          requestAnimationFrame(tick)
        }
        requestAnimationFrame(tick)
      }),
    { stepId, canvases },
  )
}

/** Share of `a`'s area that `b` covers (0..1). */
export function coveredShare(a: ScreenBox, b: ScreenBox): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y)
  return w > 0 && h > 0 ? (w * h) / (a.w * a.h) : 0
}

/** Sizes the layout is judged at: a 1024×640 tablet and a 1280×800 kiosk. */
export const LAYOUT_SIZES = [
  { width: 1024, height: 640 },
  { width: 1280, height: 800 },
] as const

const headerBottom = (l: Layout): number => l.header.y + l.header.h

/** The run panel and the subtitle band do not overlap the canvas or each other; the canvas keeps most of the window. */
export function checkLayouts(layouts: Layout[]): void {
  for (const l of layouts) {
    const at = `${l.size.width}×${l.size.height}`
    expect(coveredShare(l.canvas, l.panel), `${at}: panel over the view`).toBe(0)
    expect(coveredShare(l.canvas, l.subtitles), `${at}: subtitles over the view`).toBe(0)
    expect(coveredShare(l.subtitles, l.panel), `${at}: subtitles over the panel`).toBe(0)
    // a third of a phone in portrait, nearly half of a landscape window
    const least = l.size.width > l.size.height ? 0.45 : 0.3
    expect((l.canvas.w * l.canvas.h) / (l.size.width * l.size.height), `${at}: the view's share of the window`).toBeGreaterThan(least)
    expect(l.canvas.y, `${at}: the view starts below the header`).toBeGreaterThanOrEqual(headerBottom(l))
  }
}

/** What one step's projection found: subjects under a panel, sizes where all are off screen, and every subject seen (for the log). */
export interface StepLayout {
  problems: string[]
  offScreen: string[]
  seen: string[]
}

/**
 * The step on screen now, its subjects projected (once settled) onto each layout's canvas: none
 * may lie more than a tenth under the run panel, the subtitles or a button, and what the step is
 * about must be on screen (one subject at least half in view, or a big one, or one around the
 * viewer, a desk one crouches under). The projection does not depend on the window's own size.
 */
export async function judgeStep(page: Page, exhibitId: string, stepId: string, layouts: Layout[]): Promise<StepLayout> {
  const per = await settledSubjects(
    page,
    stepId,
    layouts.map((l) => l.canvas),
  )
  const found: StepLayout = { problems: [], offScreen: [], seen: [] }
  for (const [k, l] of layouts.entries()) {
    const where = `${exhibitId}/${stepId} at ${l.size.width}×${l.size.height}`
    const subjects = per[k] ?? []
    const onScreen = subjects.some((s) => s.around || (s.box && (s.inView >= 0.5 || (s.box.w * s.box.h) / (l.canvas.w * l.canvas.h) > 0.25)))
    if (subjects.length && !onScreen) found.offScreen.push(where)
    for (const s of subjects) {
      const at = s.box
        ? `${Math.round(s.box.x)},${Math.round(s.box.y)} ${Math.round(s.box.w)}×${Math.round(s.box.h)}`
        : s.around
          ? 'around the viewer'
          : 'out of view'
      found.seen.push(`${where}: ${s.name} ${at} in view ${s.inView.toFixed(2)}`)
      if (!s.box) continue
      for (const [what, over] of [['run panel', l.panel], ['subtitles', l.subtitles], ...l.buttons.map((x) => ['button', x] as const)] as const) {
        const share = coveredShare(s.box, over)
        if (share > 0.1) found.problems.push(`${where}: ${s.name} is ${Math.round(share * 100)}% under the ${what}`)
      }
    }
  }
  return found
}
