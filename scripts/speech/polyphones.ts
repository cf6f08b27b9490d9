/**
 * Readings pinyin-pro (3.29.4) gets wrong, found by reading its output for every exhibit's zh-CN
 * narration and for the classic traps (adverbial 地, complement 得). Each override is a phrase, its
 * numbered pinyin (one syllable per character, tone 5 = neutral) and a sentence where pinyin-pro
 * alone gets it wrong — the unit test checks that it still does, so a fixed upstream reading shows
 * up as an entry to delete. The longest phrase starting at a character wins; phrases may overlap.
 * To add one: append it here, run the unit test, then `npm run gen:audio`.
 */
export interface PolyphoneOverride {
  phrase: string
  pinyin: string
  example: string
}

export const POLYPHONE_OVERRIDES: readonly PolyphoneOverride[] = [
  // 得 as a complement marker (pinyin-pro reads de2 "to obtain")
  { phrase: '得很', pinyin: 'de5 hen3', example: '水流得很急' },
  { phrase: '得快', pinyin: 'de5 kuai4', example: '他跑得快' },
  { phrase: '得见', pinyin: 'de5 jian4', example: '你看得见出口吗' },
  // 着 as an aspect particle (pinyin-pro segments 着火 "catch fire" out of 冒着火花)
  { phrase: '冒着', pinyin: 'mao4 zhe5', example: '还冒着火花' },
  // 全部 + 分完 "all sorted", not 全 + 部分 "part"
  { phrase: '全部分完', pinyin: 'quan2 bu4 fen1 wan2', example: '全部分完啦' },
  // sentence-final particle
  { phrase: '完啦', pinyin: 'wan2 la5', example: '全部分完啦' },
  // onomatopoeia: all level
  { phrase: '轰隆隆', pinyin: 'hong1 long1 long1', example: '轰隆隆' },
  // "layer by layer": both 一 yi4 before a 2nd tone (pinyin-pro neutralises the second)
  { phrase: '一层一层', pinyin: 'yi4 ceng2 yi4 ceng2', example: '一层一层堆成' },
  { phrase: '打转', pinyin: 'da3 zhuan4', example: '漩涡在打转' },
  { phrase: '好好', pinyin: 'hao3 hao3', example: '好好学习' },
  // second syllable neutral in standard Mandarin
  { phrase: '地方', pinyin: 'di4 fang5', example: '空旷的地方' },
  { phrase: '时候', pinyin: 'shi2 hou5', example: '这时候该怎么做' },
  { phrase: '东西', pinyin: 'dong1 xi5', example: '有毒的东西' },
  // adverbial 地 after a two-character adverb (pinyin-pro reads di4 "ground")
  { phrase: '认真地', pinyin: 'ren4 zhen1 de5', example: '认真地听' },
  { phrase: '小心地', pinyin: 'xiao3 xin1 de5', example: '小心地走' },
  { phrase: '冷静地', pinyin: 'leng3 jing4 de5', example: '冷静地想一想' },
  { phrase: '迅速地', pinyin: 'xun4 su4 de5', example: '迅速地离开' },
  { phrase: '有序地', pinyin: 'you3 xu4 de5', example: '有序地撤离' },
]

/** 慢慢地, 轻轻地, 静静地 …: a doubled character before 地 makes it adverbial (de5). */
export const ADVERBIAL_DI = /(\p{Script=Han})\1地/gu
