import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCenterProfile } from '../../build/center-plugin.ts'
import { coreExhibits, offeredExhibits, parseCenterProfile, variantValue } from '../center-profile.ts'

const good = {
  id: 'town',
  name: { 'zh-CN': '小镇科普馆', en: 'Town center' },
  city: { 'zh-CN': '小镇', en: 'Town' },
  exhibits: ['a', 'b', 'c'],
  coreSet: ['a', 'b'],
  variants: { a: { 'bin.x': 'food', 'scene.title': { 'zh-CN': '标题', en: 'Title' } } },
}
const parse =
  (v: unknown, file = 'centers/town.json') =>
  () =>
    parseCenterProfile(file, JSON.stringify(v))

describe('center profile schema', () => {
  it('accepts a full profile and reads its values', () => {
    const p = parseCenterProfile('centers/town.json', JSON.stringify(good))
    expect(variantValue(p, 'a', 'bin.x')).toBe('food')
    expect(variantValue(p, 'a', 'scene.title')).toBeUndefined() // a text, not a data value
    expect(offeredExhibits(p, ['c', 'd', 'a'])).toEqual(['c', 'a'])
    expect(coreExhibits(p, ['a', 'b', 'c', 'd'])).toEqual(['a', 'b'])
    const minimal = parseCenterProfile('centers/town.json', JSON.stringify({ id: 'town', name: good.name, city: good.city }))
    expect(offeredExhibits(minimal, ['x', 'y'])).toEqual(['x', 'y'])
    expect(coreExhibits(minimal, ['x', 'y'])).toEqual(['x', 'y'])
  })

  it('names the file and the field of each problem in plain words', () => {
    expect(parse({ ...good, city: { 'zh-CN': '小镇' } })).toThrow(/centers\/town\.json: city\.en: /)
    expect(parse({ ...good, variants: { a: { 'bin.x': 3 } } })).toThrow(/centers\/town\.json: variants\.a\."bin\.x"/)
    expect(parse({ ...good, coreSet: ['a', 'z'] })).toThrow(/centers\/town\.json: coreSet\[1\]: "z" is in coreSet but not in exhibits/)
    expect(parse({ ...good, colour: 'red' })).toThrow(/centers\/town\.json: \(the whole file\): .*colour/)
    expect(parse(good, 'centers/city.json')).toThrow(/centers\/city\.json: id: is "town" but the file is named city\.json/)
    expect(() => parseCenterProfile('centers/town.json', '{ "id": ')).toThrow(/centers\/town\.json: not valid JSON/)
  })

  it('fails the build for a text variant that names no locale key, or varies narration', () => {
    const root = mkdtempSync(join(tmpdir(), 'center-'))
    mkdirSync(join(root, 'centers'))
    mkdirSync(join(root, 'exhibits', 'a', 'locales'), { recursive: true })
    writeFileSync(join(root, 'exhibits', 'a', 'locales', 'zh-CN.json'), JSON.stringify({ 'scene.title': '标题', 'narration.intro': '你好' }))
    const write = (variants: unknown) => writeFileSync(join(root, 'centers', 'town.json'), JSON.stringify({ ...good, variants }))
    write({ a: { 'scene.title': { 'zh-CN': '新', en: 'New' } } })
    expect(loadCenterProfile(root, 'town').id).toBe('town')
    write({ a: { 'scene.titel': { 'zh-CN': '新', en: 'New' } } })
    expect(() => loadCenterProfile(root, 'town')).toThrow(/centers\/town\.json: variants\."a"\."scene\.titel": the exhibit has no locale key of that name/)
    write({ a: { 'narration.intro': { 'zh-CN': '嗨', en: 'Hi' } } })
    expect(() => loadCenterProfile(root, 'town')).toThrow(/narration cannot vary by center/)
    write({ nope: {} })
    expect(() => loadCenterProfile(root, 'town')).toThrow(/variants\."nope": no exhibit folder of that name/)
    expect(() => loadCenterProfile(root, 'missing')).toThrow(/centers\/missing\.json not found/)
  })

  it('ships valid generic, chengdu and shanghai profiles for the real exhibits', () => {
    const root = join(import.meta.dirname, '..', '..', '..')
    for (const id of ['generic', 'chengdu', 'shanghai']) expect(loadCenterProfile(root, id).id).toBe(id)
  })
})
