import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, preview, type PreviewServer } from 'vite'
import type { BrowserContext } from 'playwright-core'
import { launchChromiumContext } from '../chromium.ts'
import { E2E_FRAME_RATE } from '../frame-cap.ts'

const here = fileURLToPath(new URL('.', import.meta.url))
export const repoRoot = resolve(here, '../../..')

export interface Served {
  origin: string
  close(): Promise<void>
}

/**
 * Production-builds the probe pages (so the polyfill's dynamic import really is a
 * separate chunk) into a temp dir and serves them on 127.0.0.1 with vite preview.
 */
export async function buildAndServe(pages: string[]): Promise<Served> {
  const outDir = mkdtempSync(join(tmpdir(), 'sophora-cardboard-'))
  const react = (await import('@vitejs/plugin-react')).default
  await build({
    root: repoRoot,
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 5000,
      rolldownOptions: { input: pages.map((p) => join(here, p)) },
    },
  })
  const server: PreviewServer = await preview({
    root: repoRoot,
    configFile: false,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  })
  const address = server.httpServer.address()
  if (!address || typeof address === 'string') throw new Error('preview server has no port')
  return {
    origin: `http://127.0.0.1:${address.port}`,
    async close() {
      await server.close()
      rmSync(outDir, { recursive: true, force: true })
    },
  }
}

export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const userDir = mkdtempSync(join(tmpdir(), 'sophora-chromium-'))
  const context = await launchChromiumContext(userDir, { frameRate: E2E_FRAME_RATE })
  return {
    context,
    async close() {
      await context.close()
      rmSync(userDir, { recursive: true, force: true })
    },
  }
}
