import { describe, expect, it } from 'vitest'
import { createRegistry } from '../registry.ts'
import { def, locales, manifest } from './fixtures.ts'

describe('createRegistry', () => {
  it('lists valid exhibits, skips invalid ones with reasons, and loads code lazily', async () => {
    let loaded = 0
    const reg = createRegistry({
      manifests: { '/exhibits/demo/manifest.json': manifest, '/exhibits/bad/manifest.json': { ...manifest, id: 'bad', minutes: 'ten' } },
      locales: {
        '/exhibits/demo/locales/zh-CN.json': async () => locales['zh-CN'],
        '/exhibits/demo/locales/en.json': async () => locales.en,
        '/exhibits/bad/locales/zh-CN.json': async () => locales['zh-CN'],
        '/exhibits/bad/locales/en.json': async () => locales.en,
      },
      modules: {
        '/exhibits/demo/index.ts': async () => {
          loaded++
          return { default: def }
        },
        '/exhibits/bad/index.ts': async () => ({ default: def }),
      },
    })
    expect(reg.exhibits.map((e) => e.id)).toEqual(['demo'])
    expect(reg.unavailable).toEqual([{ folder: 'bad', problems: [expect.objectContaining({ file: 'manifest.json', field: 'minutes' })] }])
    expect(loaded).toBe(0)
    await expect(reg.get('demo')!.load()).resolves.toEqual({ def, locales })
    expect(loaded).toBe(1)
  })

  it('a module without a definition fails with a message naming its folder', async () => {
    const reg = createRegistry({
      manifests: { '/exhibits/demo/manifest.json': manifest },
      locales: { '/exhibits/demo/locales/zh-CN.json': async () => locales['zh-CN'], '/exhibits/demo/locales/en.json': async () => locales.en },
      modules: { '/exhibits/demo/index.ts': async () => ({ default: { steps: [] } }) },
    })
    await expect(reg.get('demo')!.load()).rejects.toThrow(/exhibits\/demo\/index\.ts: missing Scene, quiz/)
  })

  it('problems found on disk (dev server) make an otherwise valid folder unavailable, listed once', () => {
    const onDisk = { folder: 'demo', file: 'locales/en.json', field: 'quiz.q1.question', message: 'key is missing (present in zh-CN.json)' }
    const reg = createRegistry({
      manifests: { '/exhibits/demo/manifest.json': manifest },
      locales: {},
      modules: { '/exhibits/demo/index.ts': async () => ({ default: def }) },
      problems: [onDisk, { ...onDisk, folder: 'other' }],
    })
    expect(reg.exhibits).toEqual([])
    expect(reg.unavailable).toEqual([{ folder: 'demo', problems: [onDisk] }])
  })

  it('a locale file that fails validation when the exhibit opens is reported, naming file and field', async () => {
    const reg = createRegistry({
      manifests: { '/exhibits/demo/manifest.json': manifest },
      locales: {
        '/exhibits/demo/locales/zh-CN.json': async () => locales['zh-CN'],
        '/exhibits/demo/locales/en.json': async () => ({ 'narration.intro': 'Hi' }),
      },
      modules: { '/exhibits/demo/index.ts': async () => ({ default: def }) },
    })
    await expect(reg.get('demo')!.load()).rejects.toThrow(/exhibits\/demo\/locales\/en\.json: field "narration\.a": key is missing/)
  })
})
