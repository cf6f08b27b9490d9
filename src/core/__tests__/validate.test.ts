import { describe, expect, it } from 'vitest'
import { formatProblem, validateExhibitFiles } from '../validate.ts'
import { locales, manifest } from './fixtures.ts'

const files = (over: Partial<Parameters<typeof validateExhibitFiles>[0]> = {}) => ({
  folder: 'demo',
  manifest: JSON.stringify(manifest),
  locales: { 'zh-CN': JSON.stringify(locales['zh-CN']), en: JSON.stringify(locales.en) },
  hasIndex: true,
  sources: '# Sources\n\n- Fact: source, https://example.org',
  ...over,
})

describe('validateExhibitFiles', () => {
  it('accepts a complete folder', () => {
    const r = validateExhibitFiles(files())
    expect(r.problems).toEqual([])
    expect(r.manifest?.id).toBe('demo')
  })

  it('names folder, file and field of a bad manifest value', () => {
    const bad = { ...manifest, ages: [15, 8], stamp: { ...manifest.stamp, color: 'red' } }
    const r = validateExhibitFiles(files({ manifest: JSON.stringify(bad) }))
    const msgs = r.problems.map(formatProblem)
    expect(msgs).toContainEqual(expect.stringMatching(/^exhibits\/demo\/manifest\.json: field "stamp\.color": /))
    expect(msgs).toContainEqual(expect.stringMatching(/^exhibits\/demo\/manifest\.json: field "ages": first age/))
    expect(r.manifest).toBeUndefined()
  })

  it('reports malformed JSON, a wrong id, missing files and flat mode', () => {
    expect(validateExhibitFiles(files({ manifest: '{ "id": ' })).problems[0]).toMatchObject({
      file: 'manifest.json',
      message: expect.stringMatching(/not valid JSON/),
    })
    expect(validateExhibitFiles(files({ manifest: JSON.stringify({ ...manifest, id: 'other' }) })).problems[0]).toMatchObject({ field: 'id' })
    expect(validateExhibitFiles(files({ hasIndex: false, sources: undefined })).problems.map((p) => p.file)).toEqual(['index.ts', 'sources.md'])
    expect(validateExhibitFiles(files({ manifest: JSON.stringify({ ...manifest, modes: ['vr'] }) })).problems[0]?.message).toMatch(/flat mode/)
  })

  it('finds keys missing in one language and missing narration subtitles', () => {
    const en = { ...locales.en } as Record<string, string>
    delete en['narration.b']
    const r = validateExhibitFiles(files({ locales: { 'zh-CN': JSON.stringify(locales['zh-CN']), en: JSON.stringify(en) } }))
    expect(r.problems).toContainEqual(expect.objectContaining({ file: 'locales/en.json', field: 'narration.b', message: expect.stringMatching(/missing/) }))
  })

  it('accepts parsed objects at runtime and skips the sources check when asked', () => {
    const r = validateExhibitFiles({ folder: 'demo', manifest, locales, hasIndex: true, sources: null })
    expect(r.problems).toEqual([])
  })
})
