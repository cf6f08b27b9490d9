import { describe, expect, it } from 'vitest'
import { hanziToPinyin, rawPinyin, spokenText, toMandarinInput } from '../mandarin-pinyin.ts'
import { cardinal, sayNumber } from '../chinese-numbers.ts'
import { POLYPHONE_OVERRIDES } from '../polyphones.ts'

const pinyinOf = (text: string) => toMandarinInput(text).input

describe('polyphone overrides', () => {
  it.each(POLYPHONE_OVERRIDES)('$phrase: one syllable per character, and pinyin-pro alone still misreads "$example"', ({ phrase, pinyin, example }) => {
    expect(pinyin.split(' ')).toHaveLength([...phrase].length)
    const at = [...example].join('').indexOf(phrase)
    expect(at).toBeGreaterThanOrEqual(0)
    const span = (syl: string[]) => syl.slice(at, at + [...phrase].length).join(' ')
    expect(span(hanziToPinyin(example))).toBe(pinyin)
    expect(span(rawPinyin(example))).not.toBe(pinyin) // if this fails, pinyin-pro got it right: delete the entry
  })

  it('reads the narration traps right', () => {
    expect(pinyinOf('水流得很急。')).toBe('shui3 liu2 de5 hen3 ji2.')
    expect(pinyinOf('大风把电线刮断了，掉在积水里，还冒着火花。')).toContain('hai2 mao4 zhe5 huo3 hua1')
    expect(pinyinOf('全部分完啦！')).toBe('quan2 bu4 fen1 wan2 la5!')
    expect(pinyinOf('慢慢地走，轻轻地放。')).toBe('man4 man4 de5 zou3, qing1 qing1 de5 fang4.')
    expect(pinyinOf('认真地听')).toBe('ren4 zhen1 de5 ting1')
  })

  it('keeps what pinyin-pro already gets right: 还是 hai2 shi4, 地震 di4, 着火 zhao2, 一/不 tone sandhi', () => {
    for (const s of ['你还是走楼梯吧', '还是不要', '这还是第一次', '是走还是留']) expect(pinyinOf(s)).toContain('hai2 shi4')
    expect(pinyinOf('地震来了')).toBe('di4 zhen4 lai2 le5')
    expect(pinyinOf('着火了')).toBe('zhao2 huo3 le5')
    expect(pinyinOf('不要坐电梯，一定要走楼梯')).toBe('bu2 yao4 zuo4 dian4 ti1, yi2 ding4 yao4 zou3 lou2 ti1')
  })

  it('writes neutral tone as 5 and ü as v', () => {
    expect(pinyinOf('绿色的桌子')).toBe('lv4 se4 de5 zhuo1 zi5')
  })
})

describe('punctuation', () => {
  it('ends every sentence with ASCII punctuation and a newline (an ASCII "." after a tone digit alone gives no pause)', () => {
    expect(pinyinOf('同学们好！准备好了吗？走吧。好；好')).toBe('tong2 xue2 men5 hao3!\nzhun3 bei4 hao3 le5 ma5?\nzou3 ba5.\nhao3;\nhao3')
  })

  it('turns clause marks into , and : and drops quotes and brackets', () => {
    expect(pinyinOf('记住：低姿、捂鼻，“快跑”（别回头）——走')).toBe('ji4 zhu4: di1 zi1, wu3 bi2, kuai4 pao3, bie2 hui2 tou2, zou3')
  })

  it('never starts with punctuation or doubles it', () => {
    expect(pinyinOf('……好！！')).toBe('hao3!')
  })
})

describe('digits', () => {
  it('says emergency and phone numbers digit by digit with 幺', () => {
    expect(pinyinOf('火警电话119。')).toBe('huo3 jing3 dian4 hua4 yao1 yao1 jiu3.')
    expect(sayNumber('120', '', '')).toBe('幺二零')
    expect(sayNumber('12379', '', '')).toBe('幺二三七九')
    expect(sayNumber('13812345678', '', '')).toBe('幺三八幺二三四五六七八')
    expect(sayNumber('8675', '拨打', '')).toBe('八六七五')
  })

  it('says other numbers as Chinese numerals', () => {
    expect([0, 10, 11, 20, 30, 100, 105, 110, 119, 200, 1005, 2000, 10000, 20000, 100005, 300000000].map((n) => cardinal(String(n)))).toEqual([
      '零',
      '十',
      '十一',
      '二十',
      '三十',
      '一百',
      '一百零五',
      '一百一十',
      '一百一十九',
      '两百',
      '一千零五',
      '两千',
      '一万',
      '两万',
      '十万零五',
      '三亿',
    ])
    expect(pinyinOf('传送带会送来30件垃圾')).toContain('san1 shi2 jian4')
    expect(pinyinOf('2个桶')).toBe('liang3 ge4 tong3')
    expect(pinyinOf('2024年')).toBe('er4 ling2 er4 si4 nian2')
    expect(pinyinOf('3.5米，50%')).toBe('san1 dian3 wu3 mi3, bai3 fen1 zhi1 wu3 shi2')
  })

  it('counts the characters said, not the digits written', () => {
    expect(spokenText('火警电话119')).toBe('火警电话幺幺九')
    expect(toMandarinInput('火警电话119').syllables).toBe(7)
  })
})

describe('Latin letters', () => {
  it('spells them with Chinese letter names, so the voice never switches to English', () => {
    expect(toMandarinInput('欢迎来到 3D 打印实验室！')).toEqual({
      input: 'huan1 ying2 lai2 dao4 san1 di4 da3 yin4 shi2 yan4 shi4!',
      spoken: '欢迎来到三打印实验室',
      syllables: 11,
    })
    expect(pinyinOf('戴上VR眼镜')).toBe('dai4 shang4 wei1 a4 er5 yan3 jing4')
    expect(toMandarinInput('PM2.5')).toMatchObject({ input: 'pi4 ai2 mu5 er4 dian3 wu3', syllables: 6 })
  })
})

it('rejects a character pinyin-pro cannot read, naming it', () => {
  expect(() => hanziToPinyin('好㐀')).toThrow(/㐀/)
})
