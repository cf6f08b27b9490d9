/**
 * `npm run gen:font`: make Sophora's CJK subset font now and report on it.
 *
 * Never needed: `vite build`, `npm run dev` and the tests make the same font themselves
 * (src/build/font-plugin.ts) from every exhibit's, the app's and the center profiles' strings.
 * This prints what they would make: characters, sizes, where it is cached, and any character
 * the full font cannot draw (the build fails on those). Exit code 1 in that case.
 */
import { statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { REPO_ROOT, collectFontText } from '../src/build/font-chars.ts'
import { fontCacheDir, unavailableReport } from '../src/build/font-plugin.ts'
import { DOM_FONT_NAME, SCENE_FONT_NAME, ensureSubsetFont, sourceFontPath } from '../src/build/font-subset.ts'

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

async function main(): Promise<void> {
  const text = collectFontText(REPO_ROOT)
  const started = performance.now()
  const font = await ensureSubsetFont(text.chars, fontCacheDir(REPO_ROOT))
  const ms = Math.round(performance.now() - started)
  const hanzi = font.mapped.filter((cp) => cp >= 0x3400 && cp <= 0x9fff).length
  console.log(`source:  ${relative(REPO_ROOT, sourceFontPath())}`)
  console.log(`strings: ${text.sources.length} files; characters: ${[...text.chars].length}; in the font: ${font.mapped.length} (${hanzi} hanzi)`)
  for (const name of [SCENE_FONT_NAME, DOM_FONT_NAME]) console.log(`${name.padEnd(17)} ${kb(statSync(join(font.dir, name)).size)}`)
  console.log(`${font.generated ? `made in ${ms} ms` : 'already made'}: ${relative(REPO_ROOT, font.dir)}`)
  const unavailable = unavailableReport(text)
  if (unavailable.length) {
    console.error(`no glyph in the full font (the build fails on these; rephrase):\n  ${unavailable.join('\n  ')}`)
    process.exitCode = 1
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exitCode = 1
})
