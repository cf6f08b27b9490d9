import { describe, expect, it } from 'vitest'
import { chooseVoice, pickDeviceVoice, type VoiceLike, type VoicePref } from '../voice-choice.ts'

describe('chooseVoice', () => {
  const cases: [VoicePref, 'recorded' | 'generated' | null, boolean, string][] = [
    // auto: recording > device voice > generated file > subtitles
    ['auto', 'recorded', true, 'recorded'],
    ['auto', 'generated', true, 'device'],
    ['auto', 'generated', false, 'generated'],
    ['auto', null, true, 'device'],
    ['auto', null, false, 'subtitles'],
    // files: never the device voice
    ['files', 'generated', true, 'generated'],
    ['files', 'recorded', true, 'recorded'],
    ['files', null, true, 'subtitles'],
    // device: the device voice even over a recording; without one, the files
    ['device', 'recorded', true, 'device'],
    ['device', 'recorded', false, 'recorded'],
    ['device', null, false, 'subtitles'],
    // subtitles: silent whatever exists
    ['subtitles', 'recorded', true, 'subtitles'],
  ]
  it.each(cases)('%s with file %s and device voice %s -> %s', (pref, file, device, want) => {
    expect(chooseVoice(pref, { file, device })).toBe(want)
  })
})

describe('pickDeviceVoice', () => {
  const v = (name: string, lang: string, localService = true, isDefault = false): VoiceLike => ({ name, lang, localService, default: isDefault })

  it('takes only local voices whose language matches', () => {
    const voices = [v('cloud zh', 'zh-CN', false), v('Taiwan', 'zh-TW'), v('HK', 'zh-HK'), v('Cantonese', 'yue-HK'), v('English', 'en-US')]
    expect(pickDeviceVoice(voices, 'zh-CN')).toBeNull()
    expect(pickDeviceVoice([...voices, v('Ting-Ting', 'zh-CN')], 'zh-CN')?.name).toBe('Ting-Ting')
    expect(pickDeviceVoice([v('Android', 'cmn_Hans_CN')], 'zh-CN')?.name).toBe('Android')
  })

  it('prefers an exact region, then the default voice', () => {
    expect(pickDeviceVoice([v('bare zh', 'zh'), v('mainland', 'zh-CN')], 'zh-CN')?.name).toBe('mainland')
    expect(pickDeviceVoice([v('UK', 'en-GB', true, true), v('US', 'en-US')], 'en')?.name).toBe('US')
    expect(pickDeviceVoice([v('US 1', 'en-US'), v('US 2', 'en-US', true, true)], 'en')?.name).toBe('US 2')
    expect(pickDeviceVoice([v('India', 'en-IN')], 'en')?.name).toBe('India')
  })
})
