import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { ManifestEntry } from 'workbox-build'
import { NAVIGATE_DENYLIST, precacheGlobs, webManifest, withoutEmulator } from '../pwa-plugin.ts'
import type { CenterProfile } from '../../core/center-profile.ts'

const center = (zh: string) => ({ id: 'x', name: { 'zh-CN': zh, en: 'Some center' }, city: { 'zh-CN': '某市', en: 'A city' }, variants: {} }) as CenterProfile

describe('web app manifest', () => {
  it('names the center in Chinese, with a short name that fits under an icon, and installs standalone', () => {
    const long = webManifest(center('成都社区科普体验馆'))
    expect(long).toMatchObject({ name: '成都社区科普体验馆', short_name: '科普体验馆', lang: 'zh-CN', display: 'standalone', start_url: '/' })
    expect(webManifest(center('小小科学馆')).short_name).toBe('小小科学馆')
    const sizes = long.icons!.map((i) => `${i.sizes} ${i.purpose}`)
    expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']))
  })
})

describe('service worker routes', () => {
  const denied = (path: string) => NAVIGATE_DENYLIST.some((r) => r.test(path))
  it('answers app routes with index.html and never the API', () => {
    for (const p of ['/api', '/api/events/batch', '/api/health', '/assets/x.js']) expect(denied(p), p).toBe(true)
    for (const p of ['/', '/exhibit/fire-escape', '/passport/ABCD', '/guide/console', '/apiary']) expect(denied(p), p).toBe(false)
  })
})

describe('precache list', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sophora-pwa-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  it('drops the XR emulator chunks whatever they are named, and keeps the rest', async () => {
    mkdirSync(join(dir, 'assets'))
    writeFileSync(join(dir, 'assets/emulate-abc.js'), 'import "@iwer/devui";')
    writeFileSync(join(dir, 'assets/renamed-xyz.js'), 'class SyntheticEnvironmentModule {}')
    writeFileSync(join(dir, 'assets/exhibit-fire-escape-abc.js'), 'export const steps = []')
    writeFileSync(join(dir, 'assets/intro.mp3'), 'ID3')
    const entries: ManifestEntry[] = ['assets/emulate-abc.js', 'assets/renamed-xyz.js', 'assets/exhibit-fire-escape-abc.js', 'assets/intro.mp3'].map((url) => ({
      url,
      revision: null,
      size: 1,
    }))
    const out = await withoutEmulator(() => dir)(entries as Parameters<ReturnType<typeof withoutEmulator>>[0])
    expect(out.manifest.map((e) => e.url)).toEqual(['assets/exhibit-fire-escape-abc.js', 'assets/intro.mp3'])
  })

  it('adds the Basis transcoder only when a model has a KTX2 texture', () => {
    const plain = join(dir, 'plain.glb')
    const textured = join(dir, 'textured.glb')
    writeFileSync(plain, 'glTF{"extensionsUsed":["EXT_meshopt_compression"]}')
    writeFileSync(textured, 'glTF{"extensionsUsed":["KHR_texture_basisu"]}')
    const wasm = (globs: string[]) => globs.filter((g) => g.includes('basis_transcoder'))
    expect(wasm(precacheGlobs([plain]))).toEqual([])
    expect(wasm(precacheGlobs([plain, textured]))).toEqual(['assets/**/basis_transcoder*.wasm'])
  })
})
