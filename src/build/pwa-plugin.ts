import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Plugin, PluginOption } from 'vite'
import { VitePWA, type ManifestOptions } from 'vite-plugin-pwa'
import type { ManifestTransform } from 'workbox-build'
import type { CenterProfile } from '../core/center-profile.ts'

/** The IWER XR emulator's code (devices, dev UI, sample rooms): the marks bench/bundle-sizes.ts looks for too. */
export const EMULATOR_CODE = /@iwer\/|iwer-devui|SyntheticEnvironmentModule|metaQuestPro/

/** What a station needs offline: app shell, every chunk, narration and sounds, fonts, XR controller profiles, icons. */
export const PRECACHE_GLOBS = [
  // manifest.webmanifest: the plugin adds it itself
  '**/*.{html,js,css}',
  // glb: exhibits' models (useModel); the Basis transcoder's .wasm: see precacheGlobs
  'assets/**/*.{mp3,ogg,wav,woff,woff2,ttf,png,svg,jpg,webp,glb}',
  'xr-profiles/**/*.{json,glb}',
  'icons/*.png',
]

/**
 * PRECACHE_GLOBS, plus three's Basis transcoder (.wasm, 527 KB) when any of these models has a
 * KTX2 texture: only then does a station fetch it (useModel), and offline it must have it.
 */
export function precacheGlobs(models: readonly string[]): string[] {
  const ktx2 = models.some((f) => readFileSync(f).includes('KHR_texture_basisu'))
  return ktx2 ? [...PRECACHE_GLOBS, 'assets/**/basis_transcoder*.wasm'] : [...PRECACHE_GLOBS]
}

/** Every exhibit's models, as `useModel` loads them (exhibits/<id>/assets/models/*.glb). */
function exhibitModels(): string[] {
  const root = resolve('exhibits')
  if (!existsSync(root)) return []
  return readdirSync(root).flatMap((id) => {
    const dir = join(root, id, 'assets', 'models')
    return existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.glb'))
          .map((f) => join(dir, f))
      : []
  })
}

/** App URLs the service worker answers with index.html; the server's API never (it must always reach the server or fail). */
export const NAVIGATE_DENYLIST = [/^\/api(\/|$)/, /^\/assets\//, /^\/xr-profiles\//]

/** The brand colours of index.html and app.css. */
const THEME = '#1f2a24'
const BACKGROUND = '#f4f1e8'

/** Home-screen name: the center's zh-CN name; a short one that fits under an icon (≈ 6 CJK characters). */
export function webManifest(center: CenterProfile): Partial<ManifestOptions> {
  const name = center.name['zh-CN']
  return {
    id: '/',
    name,
    short_name: [...name].length <= 6 ? name : '科普体验馆',
    description: `${name} · ${center.name.en}`,
    lang: 'zh-CN',
    dir: 'ltr',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'any',
    theme_color: THEME,
    background_color: BACKGROUND,
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  }
}

/**
 * Drops every precache entry whose file holds emulator code. Test builds (mode e2e) bundle the
 * emulator for emulated VR sessions; a station must never download it, even there. Reads the
 * emitted files, so it holds whatever the chunks are named.
 */
export function withoutEmulator(outDir: () => string): ManifestTransform {
  return (entries) => {
    const kept = entries.filter((e) => !(e.url.endsWith('.js') && EMULATOR_CODE.test(readFileSync(join(outDir(), e.url), 'utf8'))))
    return { manifest: kept, warnings: [] }
  }
}

/**
 * The service worker (Workbox via vite-plugin-pwa, generateSW): precaches what a station needs
 * so it keeps working through a router's power cut, and falls back to index.html for the app's
 * history routes. registerType 'prompt': a new version installs in the background and waits;
 * src/features/pwa applies it between visitors (at the lobby or an idle reset).
 */
export function pwaPlugin(opts: { center: CenterProfile }): PluginOption {
  // the build's real output folder (tests and the e2e build choose their own)
  let outDir = ''
  const outDirPlugin: Plugin = {
    name: 'sophora:pwa-out-dir',
    configResolved(c) {
      outDir = resolve(c.root, c.build.outDir)
    },
  }
  return [
    outDirPlugin,
    VitePWA({
      // the worker that ships, also in test builds (the default follows NODE_ENV, which is 'test' under vitest)
      mode: 'production',
      registerType: 'prompt',
      injectRegister: false,
      manifest: webManifest(opts.center),
      // PRECACHE_GLOBS has every icon, the apple-touch one too; listing them twice would duplicate entries
      includeManifestIcons: false,
      workbox: {
        globPatterns: precacheGlobs(exhibitModels()),
        globIgnores: ['**/.*', '**/.*/**'],
        // Workbox's default is 2 MB (the largest files now: XR controller models, 1.4 MB); a larger
        // file would otherwise fail the build (vite-plugin-pwa), and a station needs every one offline
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        manifestTransforms: [withoutEmulator(() => outDir)],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: NAVIGATE_DENYLIST,
        // hashed files need no cache-busting query when precached
        dontCacheBustURLsMatching: /^assets\/.+-[\w-]{8,}\.\w+$/,
        cleanupOutdatedCaches: true,
        // the first install controls the open page at once, so a station is offline-ready without a reload
        clientsClaim: true,
      },
    }),
  ]
}
