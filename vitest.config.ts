import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { bakePlugin } from './src/build/bake-plugin.ts'
import { centerPlugin } from './src/build/center-plugin.ts'
import { fontPlugin } from './src/build/font-plugin.ts'

const sdk = fileURLToPath(new URL('./src/sdk/index.ts', import.meta.url))
const sdkTesting = fileURLToPath(new URL('./src/sdk/testing/index.ts', import.meta.url))

/**
 * unit: pure logic and server in node. dom: React components in jsdom.
 * e2e: real Chromium (SwiftShader WebGL) against the real server on loopback; two files
 * at a time, on one production-like build with test fixtures (mode e2e), which global setup
 * starts in a child process so that it runs while the unit files do. It runs after unit and dom
 * (sequence.groupOrder): its waits are on frames that the CPU-heavy unit files (audio
 * generation, fuzzing) would otherwise slow past the timeouts.
 */
/** Test files of pure logic (the `logic` project); see the note on it below. */
const LOGIC = [
  'src/core/__tests__/**/*.test.ts',
  'exhibits/**/__tests__/**/*.test.ts',
  'scripts/speech/__tests__/mandarin-pinyin.test.ts',
  'tests/architecture/**/*.test.ts',
  'tests/unit/**/*.test.ts',
  'tests/contract/**/*.test.ts',
  'tests/fonts/font-coverage.test.ts',
]

export default defineConfig({
  // SDK code reads the center profile (virtual:sophora-center); tests get SOPHORA_CENTER's, default generic.
  // The font plugin makes the CJK subset font that Label3D imports (@sophora/font/…).
  plugins: [centerPlugin(), fontPlugin(), bakePlugin()],
  // the longer name first: an alias matches a prefix
  resolve: { alias: { '@sophora/sdk/testing': sdkTesting, '@sophora/sdk': sdk } },
  define: { __SOPHORA_EMULATOR__: 'false', __SOPHORA_TEST_BRIDGE__: 'false' },
  test: {
    // Vitest's default here is one worker (2 cores − 1): two halve the unit/dom phase (59 s → 36 s).
    maxWorkers: 2,
    projects: [
      {
        // Pure logic (schemas, reducers, content data, contract checks over files): no global state,
        // no timers, no servers, so the files share one module graph per worker (isolate: false),
        // which halves their time. Anything stateful belongs in `unit`.
        extends: true,
        test: {
          name: 'logic',
          environment: 'node',
          isolate: false,
          sequence: { groupOrder: 0 },
          include: LOGIC,
          exclude: ['**/*.browser.test.ts', '**/node_modules/**'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          // the server, admin CLI and district bundles that tests start as processes (server-bundle.ts)
          globalSetup: ['tests/server/server-bundle-setup.ts'],
          // One module graph per worker here too (62 s → 37 s for this project): no file mocks a
          // module; fake timers are restored in afterEach/finally; servers and databases are per
          // test. Passed in 7 shuffled file orders (--sequence.shuffle.files).
          isolate: false,
          sequence: { groupOrder: 0 },
          include: ['src/**/__tests__/**/*.test.ts', 'scripts/**/__tests__/**/*.test.ts', 'tests/server/**/*.test.ts', 'tests/district/**/*.test.ts'],
          exclude: [...LOGIC, '**/*.browser.test.ts', '**/node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'dom',
          environment: 'jsdom',
          // Shared module graph and jsdom per worker (17 s → 4.4 s): Testing Library unmounts after
          // each test; passed in 8 shuffled file orders (--sequence.shuffle.files).
          isolate: false,
          sequence: { groupOrder: 0 },
          // the scene tests mount a whole exhibit; 5 s is too tight when the machine is busy
          testTimeout: 30_000,
          include: ['src/**/__tests__/**/*.test.tsx', 'exhibits/**/__tests__/**/*.test.tsx'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts', 'tests/fonts/**/*.e2e.test.ts', 'src/**/__tests__/**/*.browser.test.ts'],
          // the build starts in global setup and runs beside the unit files; each e2e file awaits it
          globalSetup: ['tests/e2e/global-setup.ts', 'tests/server/server-bundle-setup.ts'],
          setupFiles: ['tests/e2e/await-build.ts'],
          // Two files at a time: with the pages' frame rate capped (tests/e2e/frame-cap.ts) a file
          // waits on frames more than it computes, so two overlap well on 2 cores (e2e 275 s → 192 s).
          fileParallelism: true,
          // One worker process per two files' slots, reused (isolate: false): a fresh worker per file
          // started Node and imported playwright-core, the harness and zod again, ~1.1 CPU-s a file
          // (6 files side by side: 48.8/45.3 → 42.1/38.7 CPU-s). Each file keeps its own state (its
          // module-level server and browser context are the file's own); the harness modules hold
          // caches and the worker's one shared Chromium (tests/e2e/chromium.ts sharedBrowserContext).
          isolate: false,
          sequence: { groupOrder: 1 },
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
})
