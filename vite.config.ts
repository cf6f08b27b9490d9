import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { bakePlugin } from './src/build/bake-plugin.ts'
import { centerPlugin, loadCenterProfile } from './src/build/center-plugin.ts'
import { vendorChunkName } from './src/build/chunk-names.ts'
import { devApiPlugin } from './src/build/dev-api-plugin.ts'
import { coversPlugin } from './src/build/covers-plugin.ts'
import { exhibitsPlugin } from './src/build/exhibits-plugin.ts'
import { fontPlugin } from './src/build/font-plugin.ts'
import { sdkDeprecationsPlugin } from './src/build/sdk-deprecations.ts'
import { pwaPlugin } from './src/build/pwa-plugin.ts'
import { stripXREmulatorPlugin } from './src/build/xr-emulator-plugin.ts'
import { xrProfilesPlugin } from './src/build/xr-profiles-plugin.ts'
import { exhibitChunkFileName } from './src/core/crash-attribution.ts'

/** Where `npm run dev` sends /api: the stats server's default address. */
const STATS_SERVER = { host: '127.0.0.1', port: 8080 }

/**
 * Modes: `production` (kiosk build, default for `vite build`), `development` (vite dev),
 * `e2e` (production code plus the broken test fixtures and the IWER XR emulator, for
 * the end-to-end suite; built into dist-e2e/).
 */
export default defineConfig(({ mode }) => {
  const e2e = mode === 'e2e'
  const withEmulator = e2e || mode === 'development'
  // the center profile (centers/<SOPHORA_CENTER>.json): a bad one stops here, naming file and field
  const center = loadCenterProfile(fileURLToPath(new URL('.', import.meta.url)))
  const dirs = e2e ? ['exhibits', 'tests/fixtures/exhibits'] : ['exhibits']
  const outDir = e2e ? 'dist-e2e' : 'dist'
  return {
    plugins: [
      react(),
      fontPlugin({ dirs }),
      // `?bake` imports: light ray-cast into vertex colours, cached in exhibits/<id>/assets/baked/
      bakePlugin(),
      sdkDeprecationsPlugin({ dirs }),
      exhibitsPlugin({
        dirs,
        only:
          process.env.SOPHORA_EXHIBITS?.split(',')
            .map((s) => s.trim())
            .filter(Boolean) ?? (e2e ? undefined : center.exhibits),
      }),
      centerPlugin({ profile: center }),
      // lobby pictures: a placeholder for a folder without one, and the command that renders them
      coversPlugin({ dirs }),
      xrProfilesPlugin(),
      devApiPlugin(STATS_SERVER),
      ...(withEmulator ? [] : [stripXREmulatorPlugin()]),
      // service worker + web app manifest; e2e builds get one too (the offline and update tests need it)
      pwaPlugin({ center }),
    ],
    resolve: {
      // the longer name first: an alias matches a prefix (exhibit tests only; never bundled)
      alias: {
        '@sophora/sdk/testing': fileURLToPath(new URL('./src/sdk/testing/index.ts', import.meta.url)),
        '@sophora/sdk': fileURLToPath(new URL('./src/sdk/index.ts', import.meta.url)),
      },
    },
    define: {
      __SOPHORA_EMULATOR__: JSON.stringify(withEmulator),
      __SOPHORA_TEST_BRIDGE__: JSON.stringify(e2e || mode === 'development'),
    },
    build: {
      outDir,
      target: 'es2022',
      sourcemap: false,
      manifest: true,
      chunkSizeWarningLimit: 1500,
      // Each exhibit's code chunk carries its id, so an uncaught error is attributed to the
      // exhibit only when its stack runs through that chunk (src/core/crash-attribution.ts).
      // Shared chunks with third-party code are named after it (vendor-three-r3f-…), not after a module.
      rolldownOptions: {
        output: {
          chunkFileNames: (c) => {
            const vendor = c.facadeModuleId ? undefined : vendorChunkName(c.moduleIds)
            return exhibitChunkFileName(c.facadeModuleId) ?? (vendor ? `assets/${vendor}-[hash].js` : 'assets/[name]-[hash].js')
          },
        },
      },
    },
    // `npm run dev` talks to a stats server started separately (`npm start` or `npx tsx src/server/server.ts`);
    // without one, devApiPlugin answers /api with a 503 that says so
    server: { port: 5173, proxy: { '/api': `http://${STATS_SERVER.host}:${STATS_SERVER.port}` } },
  }
})
