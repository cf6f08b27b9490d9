import sharp from 'sharp'
import type { Rgba } from './metrics.ts'

const COLS = 5
const LABEL = 16

const xml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** Every thumbnail of a run on one sheet, labelled "exhibit step", to look at a new look in one glance. */
export async function contactSheet(path: string, shots: { label: string; img: Rgba }[]): Promise<void> {
  if (!shots.length) return
  const w = shots[0]!.img.width,
    h = shots[0]!.img.height
  const rows = Math.ceil(shots.length / COLS)
  const cellH = h + LABEL
  const layers = await Promise.all(
    shots.map(async (s, i) => ({
      input: await sharp(Buffer.from(s.img.data), { raw: { width: s.img.width, height: s.img.height, channels: 4 } })
        .png()
        .toBuffer(),
      left: (i % COLS) * w,
      top: Math.floor(i / COLS) * cellH + LABEL,
    })),
  )
  const labels = shots
    .map(
      (s, i) =>
        `<text x="${(i % COLS) * w + 4}" y="${Math.floor(i / COLS) * cellH + 12}" font-family="sans-serif" font-size="12" fill="#fff">${xml(s.label)}</text>`,
    )
    .join('')
  const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${COLS * w}" height="${rows * cellH}">${labels}</svg>`)
  await sharp({ create: { width: COLS * w, height: rows * cellH, channels: 4, background: '#222' } })
    .composite([...layers, { input: svg, left: 0, top: 0 }])
    .png()
    .toFile(path)
}
