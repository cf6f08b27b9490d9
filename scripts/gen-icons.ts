/**
 * `npx tsx scripts/gen-icons.ts`: draws the home-screen icons in public/icons/ — the header's
 * brand mark (槐 on leaf green, src/app/app.css) — with Debian's Chromium and the Noto Sans SC
 * font the app already ships. Run again only to change the design; the PNGs are committed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

const require = createRequire(import.meta.url)
// subset-font ships no types; src/build/font-subset.ts reaches it the same way
const subsetFont = require('subset-font') as (font: Buffer, text: string, opts: { targetFormat: 'woff2' }) => Promise<Buffer>
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const OUT = 'public/icons'
const LEAF = '#2f6b4f'
const PAPER = '#f4f1e8'

/** `maskable`: full-bleed background, glyph inside the 80 % safe circle; otherwise a rounded tile. */
const ICONS = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
  { file: 'apple-touch-icon-180.png', size: 180, maskable: true },
] as const

function html(size: number, maskable: boolean, fontB64: string): string {
  const radius = maskable ? 0 : Math.round(size * 0.2)
  const glyph = Math.round(size * (maskable ? 0.5 : 0.62))
  return `<!doctype html><style>
    @font-face { font-family: mark; src: url(data:font/woff2;base64,${fontB64}) format('woff2'); }
    html, body { margin: 0; background: transparent; }
    div { width: ${size}px; height: ${size}px; border-radius: ${radius}px; background: ${LEAF}; color: ${PAPER};
      display: grid; place-items: center; font: 700 ${glyph}px/1 mark; }
  </style><div>槐</div>`
}

async function main(): Promise<void> {
  const ttf = readFileSync(join(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'), '..', '700Bold', 'NotoSansSC_700Bold.ttf'))
  const font = (await subsetFont(ttf, '槐', { targetFormat: 'woff2' })).toString('base64')
  mkdirSync(OUT, { recursive: true })
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] })
  try {
    const page = await browser.newPage()
    for (const icon of ICONS) {
      await page.setViewportSize({ width: icon.size, height: icon.size })
      await page.setContent(html(icon.size, icon.maskable, font))
      await page.evaluate('document.fonts.ready')
      writeFileSync(join(OUT, icon.file), await page.locator('div').screenshot({ omitBackground: true }))
      console.log(`${OUT}/${icon.file}`)
    }
  } finally {
    await browser.close()
  }
  console.log(`drawn with ${CHROMIUM}`)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
