import type { Page } from 'playwright-core'
import type { LookPixels, LookSubject } from '../../src/test-bridge/look.ts'
import type { ScreenBox } from '../../src/test-bridge/subjects.ts'
import type { Rgba } from './metrics.ts'

/** Thumbnail size (16:10): small enough for SwiftShader to draw in milliseconds, large enough to see a change. */
export const THUMB = { width: 320, height: 200 } as const
/** Frames of 1/60 s each step runs before its picture: the camera and the props ease into the step within 2 s. */
export const SETTLE_FRAMES = 150
/** The ID renders' size against the canvas (a quarter of its pixels: enough to count shares, thin wires included). */
const ID_SCALE = 0.5

/** Pixels from the page, opaque: where the scene draws nothing the canvas is transparent, which the approved (alpha-free) pictures store as black. */
export function decode(p: LookPixels): Rgba {
  const data = new Uint8Array(Buffer.from(p.rgba, 'base64'))
  for (let i = 3; i < data.length; i += 4) data[i] = 255
  return { width: p.width, height: p.height, data }
}

/** What lies over the canvas at the page's size, with the longest subtitle line showing (the band at its tallest). */
export async function coversOverCanvas(page: Page): Promise<{ canvas: ScreenBox; covers: ScreenBox[] }> {
  const handle = await page.waitForFunction(() => {
    const audio = window.__sophora!.audio.getState()
    if (audio.subtitle?.cue !== 'look-probe') audio.setSubtitle({ cue: 'look-probe', text: '这是一行最长的字幕，用来量出字幕带最多有多高' })
    const box = (el: Element | null) => {
      const r = el?.getBoundingClientRect()
      return r && r.width > 0 ? { x: r.left, y: r.top, w: r.width, h: r.height } : null
    }
    const canvas = box(document.querySelector('[data-testid="stage"] canvas'))
    const band = box(document.querySelector('.subtitle-bar[data-cue="look-probe"]'))
    if (!canvas || !band) return null
    const covers = [band, ...[...document.querySelectorAll('[data-testid="run-panel"], .shell-header, .exhibit-chrome .btn')].map(box)].filter(
      (b) => b !== null,
    )
    return { canvas, covers }
  })
  const out = (await handle.jsonValue()) as { canvas: ScreenBox; covers: ScreenBox[] }
  await page.evaluate(() => window.__sophora!.audio.getState().setSubtitle(null))
  return out
}

export interface StepCapture {
  img: Rgba
  /** false when two draws never agreed (something draws from the clock, or loads forever) */
  stable: boolean
  all: Rgba
  subjects: LookSubject[]
}

/**
 * One step in one round trip: wait until the run panel offers the step's right choice, run
 * SETTLE_FRAMES fixed frames from seed `seed`, draw the thumbnail again after the page's pending
 * tasks until two draws agree (a texture or a text that arrives late — image decoding, troika's
 * worker — is then in it), draw the ID renders, then click the right choice and Next as a student.
 */
export async function playStep(page: Page, seed: number, step: { id: string; right: string }, last: boolean): Promise<StepCapture> {
  const r = await page.evaluate(
    async ({ seed, frames, w, h, scale, stepId, right, last }) => {
      const until = async <T>(what: string, get: () => T | null | undefined): Promise<T> => {
        for (const end = Date.now() + 60_000; Date.now() < end; await new Promise((r) => setTimeout(r, 5))) {
          const v = get()
          if (v) return v
        }
        throw new Error(`look: waited a minute for ${what}`)
      }
      const button = (sel: string) => () => document.querySelector<HTMLButtonElement>(`${sel}:not([disabled])`)
      const choice = await until(`choice ${right}`, button(`[data-testid="run-panel"][data-phase="step"] [data-testid="choice-${right}"]`))
      const look = window.__sophora!.look
      look.settle(seed, frames)
      let shot = look.shot(w, h).rgba
      let stable = false
      for (let i = 0; i < 20 && !stable; i++) {
        await new Promise((r) => setTimeout(() => setTimeout(r)))
        const again = look.shot(w, h).rgba
        stable = again === shot
        shot = again
      }
      const ids = look.ids(stepId, scale)
      choice.click()
      ;(await until('Next', button('[data-testid="run-next"]'))).click()
      // the next step's panel (or the quiz) before the next round trip: its scene props are then set
      if (last) await until('the quiz', () => document.querySelector('[data-testid="run-panel"]:not([data-phase="step"])'))
      return { shot, stable, ids }
    },
    { seed, frames: SETTLE_FRAMES, w: THUMB.width, h: THUMB.height, scale: ID_SCALE, stepId: step.id, right: step.right, last },
  )
  return { img: decode({ ...THUMB, rgba: r.shot }), stable: r.stable, all: decode(r.ids.all), subjects: r.ids.subjects }
}
