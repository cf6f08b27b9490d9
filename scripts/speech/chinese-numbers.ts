/**
 * Digits in narration text, rewritten as the Chinese characters a speaker would say, so that the
 * Mandarin voice never reads Arabic numerals itself (espeak reads "119" as 一百一十九, never as a
 * phone number). Pure; no pinyin here: the result goes through the same pinyin step as the text.
 */

const DIGIT = '零一二三四五六七八九'
/** Phone and service numbers: 1 is said 幺 (yāo) so it cannot be confused with 七. */
const PHONE_DIGIT = '零幺二三四五六七八九'

/** 0..9999 as Chinese numerals; `lead` is true for the highest group (10-19 say 十X, not 一十X). */
function belowTenThousand(n: number, lead: boolean): string {
  const units = ['千', '百', '十', '']
  const digits = String(n).padStart(4, '0').split('').map(Number)
  let out = ''
  let zero = false
  digits.forEach((d, i) => {
    if (d === 0) {
      zero = out !== ''
      return
    }
    if (zero) {
      out += '零'
      zero = false
    }
    const unit = units[i]!
    // 2 before 百/千 is 两 in speech (两百, 两千); 20 stays 二十.
    const word = d === 2 && (unit === '千' || unit === '百') ? '两' : DIGIT[d]!
    out += lead && out === '' && unit === '十' && d === 1 ? '' : word
    out += unit
  })
  return out
}

/** A non-negative integer below 10^12 as a Chinese cardinal: 30 三十, 119 一百一十九, 20000 两万. */
export function cardinal(digits: string): string {
  const n = Number(digits)
  if (!Number.isSafeInteger(n) || n >= 1e12) return digitByDigit(digits)
  if (n === 0) return '零'
  const groups: [number, string][] = [
    [Math.floor(n / 1e8), '亿'],
    [Math.floor(n / 1e4) % 1e4, '万'],
    [n % 1e4, ''],
  ]
  let out = ''
  let gap = false
  for (const [g, unit] of groups) {
    if (g === 0) {
      gap = out !== ''
      continue
    }
    if (out !== '' && (gap || g < 1000)) out += '零'
    gap = false
    const word = belowTenThousand(g, out === '')
    out += (word === '二' && unit !== '' ? '两' : word) + unit
  }
  return out
}

/** Every digit on its own: phone numbers (幺幺九) and years (二〇二四 is said 二零二四). */
export function digitByDigit(digits: string, phone = false): string {
  return [...digits].map((c) => (phone ? PHONE_DIGIT : DIGIT)[Number(c)] ?? '').join('')
}

/** Emergency and service lines (110, 119, 120, 122, 12345, 12379 …) and 11-digit mobile numbers. */
const PHONE = /^(?:1\d{2}|1\d{4}|1\d{10}|0\d{2,3}\d{7,8})$/
/** Words before a number that make it a number to dial. */
const DIAL_CONTEXT = /(?:电话|拨打|拨|号码|热线|打)\s*$/u

/**
 * Say one number found in the text. `before`/`after` are the text around it, for context:
 * 119 / 拨打12350 digit by digit with 幺; 2024年 digit by digit; 3.5 三点五; 50% 百分之五十;
 * 2个 两个; anything else as a cardinal.
 */
export function sayNumber(num: string, before: string, after: string): string {
  const percent = num.endsWith('%')
  const body = percent ? num.slice(0, -1) : num
  const [int = '', frac] = body.split('.')
  if (frac === undefined && !percent && (PHONE.test(int) || DIAL_CONTEXT.test(before))) return digitByDigit(int, true)
  if (frac === undefined && !percent && int.length === 4 && after.startsWith('年')) return digitByDigit(int)
  let said = cardinal(int)
  if (said === '二' && frac === undefined && !percent && /^[个种位次件只条本张块]/u.test(after)) said = '两'
  if (frac !== undefined) said += '点' + digitByDigit(frac)
  return percent ? '百分之' + said : said
}
