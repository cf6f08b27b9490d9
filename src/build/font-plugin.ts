import { realpathSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { searchForWorkspaceRoot, type Plugin } from 'vite'
import { collectFontText, type FontText } from './font-chars.ts'
import { charsMissingFromSource, ensureSubsetFont } from './font-subset.ts'

/** Import prefix of the generated font files (`@sophora/font/sophora-sc.woff?url`). */
export const FONT_ALIAS = '@sophora/font'

/** Where generated fonts are kept: a cache, never committed (`node_modules/` is ignored). */
export const fontCacheDir = (root: string) => join(root, 'node_modules', '.cache', 'sophora-font')

/**
 * One line per source file naming the characters the full source font has no glyph for, or
 * nothing when every character can be drawn.
 */
export function unavailableReport(text: FontText): string[] {
  const missing = new Set(charsMissingFromSource(text.chars))
  if (!missing.size) return []
  const lines = text.sources.flatMap(({ file, chars }) => {
    const here = [...chars].filter((c) => missing.has(c))
    return here.length ? [`${file}: ${here.map((c) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase()})`).join(' ')}`] : []
  })
  return lines.length ? lines : [`assets/fonts/extra-chars.txt: ${[...missing].join(' ')}`]
}

/**
 * Makes the CJK subset font at every build, dev start and test run from the strings of every
 * exhibit (manifests, locales), the app and the center profiles, so a new exhibit folder needs
 * no font step and changes nothing outside itself. `@sophora/font/…` resolves to the result.
 * A character the full font lacks (emoji, say) fails the build naming file and character: a
 * label would show '?' otherwise. In dev, new characters in a saved locale file restart the
 * server with a new font.
 */
export function fontPlugin(opts: { dirs?: string[] } = {}): Plugin {
  const dirs = opts.dirs ?? ['exhibits']
  let chars = ''
  return {
    name: 'sophora:font',
    async config(config, env) {
      const root = resolve(config.root ?? process.cwd())
      const text = collectFontText(root, { exhibitDirs: dirs, skipInvalid: true })
      const unavailable = unavailableReport(text)
      if (unavailable.length) {
        const message =
          `Noto Sans SC has no glyph for these characters, so 3D text would show "?":\n  ${unavailable.join('\n  ')}\n` +
          `Rephrase the strings without them (emoji and rare characters cannot be drawn in 3D).`
        if (env.command === 'build') throw new Error(message)
        console.warn(`[sophora:font] ${message}`)
      }
      chars = text.chars
      const font = await ensureSubsetFont(chars, fontCacheDir(root))
      // the dev server serves files outside the workspace only when allowed (node_modules may be a link)
      const allow = [searchForWorkspaceRoot(root), realpathSync(font.dir)]
      return { resolve: { alias: { [FONT_ALIAS]: font.dir } }, server: { fs: { allow } } }
    },
    configureServer(server) {
      const root = server.config.root
      const onFile = (file: string) => {
        // locale/manifest JSON, extra-chars.txt, and the Chinese kept in src/ code (font-chars.ts)
        if (!/\.(json|txt)$/.test(file) && !/[\\/]src[\\/].*\.tsx?$/.test(file)) return
        const now = collectFontText(root, { exhibitDirs: dirs, skipInvalid: true }).chars
        if (now === chars) return
        server.config.logger.info('[sophora:font] new characters in the strings: making the font again', { timestamp: true })
        void server.restart()
      }
      server.watcher.on('change', onFile)
      server.watcher.on('add', onFile)
    },
  }
}
