import type { Page } from 'playwright-core'
import type { LookPixels, LookSubject } from '../../src/test-bridge/look.ts'
import type { ScreenBox } from '../../src/test-bridge/subjects.ts'
import type { Rgba } from './metrics.ts'

/** Thumbnail size (16:10): small enough for SwiftShader to draw in milliseconds, large enough to see a change. */
export const THUMB = { width: 320, height: 200 } as const
/** Frames of 1/60 s each step runs before its picture: the camera and the props ease into the step within 2 s. */
export const SETTLE_FRAMES = 150
/** The ID renders' size against the canvas (a quarter of its pixels is plenty to count shares). */
const ID_SCALE = 0.5

export const decode = (p: LookPixels): Rgba => ({ width: p.width, height: p.height, data: new Uint8Array(Buffer.from(p.rgba, 'base64')) })

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

/**
 * The step's thumbnail once it has run SETTLE_FRAMES fixed frames from seed `seed`; drawn again
 * after two real animation frames until two draws agree, so a texture or a text that arrives late
 * (both load off the frame loop) is in the picture. `stable` is false when they never agreed.
 */
export async function stepShot(page: Page, seed: number): Promise<{ img: Rgba; stable: boolean }> {
  const b64 = await page.evaluate(
    ({ seed, frames, w, h }) => {
      const look = window.__sophora!.look
      look.settle(seed, frames)
      return look.shot(w, h).rgba
    },
    { seed, frames: SETTLE_FRAMES, w: THUMB.width, h: THUMB.height },
  )
  let last = b64
  for (let i = 0; i < 20; i++) {
    const again = await page.evaluate(
      ({ w, h }) => new Promise<string>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(window.__sophora!.look.shot(w, h).rgba)))),
      { w: THUMB.width, h: THUMB.height },
    )
    if (again === last) return { img: decode({ ...THUMB, rgba: again }), stable: true }
    last = again
  }
  return { img: decode({ ...THUMB, rgba: last }), stable: false }
}

/** The step's ID renders (its subjects in flat colours) through the camera as the page shows it. */
export async function stepIds(page: Page, stepId: string): Promise<{ all: Rgba; alone: Rgba; subjects: LookSubject[] }> {
  const r = await page.evaluate(({ stepId, scale }) => window.__sophora!.look.ids(stepId, scale), { stepId, scale: ID_SCALE })
  return { all: decode(r.all), alone: decode(r.alone), subjects: r.subjects }
}
