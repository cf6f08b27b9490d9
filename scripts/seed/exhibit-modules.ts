import { fileURLToPath } from 'node:url'
import { createServer, type ViteDevServer } from 'vite'
import { centerPlugin, loadCenterProfile } from '../../src/build/center-plugin.ts'
import { fontPlugin } from '../../src/build/font-plugin.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))

/**
 * Loads exhibits' steps.ts/quiz.ts in Node the way the app's build resolves them: they import
 * `@sophora/sdk`, whose index reads the center profile from a virtual module, which plain tsx
 * cannot resolve (nor the 3D font it points at). A minimal Vite server (the SDK aliases, the
 * center and font plugins only, no file
 * watching, no dependency scan) loads them through its SSR module runner.
 */
export async function withExhibitModules<T>(run: (load: (file: string) => Promise<Record<string, unknown>>) => Promise<T>): Promise<T> {
  const server: ViteDevServer = await createServer({
    configFile: false,
    root,
    logLevel: 'error',
    appType: 'custom',
    plugins: [centerPlugin({ profile: loadCenterProfile(root) }), fontPlugin()],
    resolve: {
      alias: {
        '@sophora/sdk/testing': `${root}src/sdk/testing/index.ts`,
        '@sophora/sdk': `${root}src/sdk/index.ts`,
      },
    },
    define: { __SOPHORA_EMULATOR__: 'false', __SOPHORA_TEST_BRIDGE__: 'false' },
    server: { middlewareMode: true, hmr: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  })
  try {
    return await run((file) => server.ssrLoadModule(file))
  } finally {
    await server.close()
  }
}
