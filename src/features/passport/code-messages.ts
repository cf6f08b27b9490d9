import type { CodeCheck, PassportCode } from '../../core/passport-code.ts'
import type { PassportStatus } from './passport-api.ts'
import type { AppKey } from '../../i18n/translate.ts'

export interface Message {
  key: AppKey
  vars?: Record<string, string | number>
}

/** 1st, 2nd, 3rd, 4th … (codes are 10 long, so the teens never arise beyond 10th). */
export function ordinal(n: number): string {
  const tail = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th')
  return `${n}${tail}`
}
const at = (n: number) => ({ n, nth: ordinal(n) })

/** What a child should do about what they typed, in words they can act on. */
export function codeProblemMessage(check: Exclude<CodeCheck, { ok: true }>): Message {
  switch (check.problem) {
    case 'empty':
      return { key: 'checkin.problem.empty' }
    case 'too-short':
      return { key: 'checkin.problem.tooShort' }
    case 'too-long':
      return { key: 'checkin.problem.tooLong' }
    case 'garbled':
      return { key: 'checkin.problem.garbled' }
    case 'bad-char':
      return { key: 'checkin.problem.badChar', vars: { ...at(check.position), char: check.char } }
    case 'check-position':
      return { key: 'checkin.problem.position', vars: at(check.position) }
    case 'swapped': {
      const next = at(check.position + 1)
      return { key: 'checkin.problem.swapped', vars: { ...at(check.position), m: next.n, mth: next.nth } }
    }
  }
}

/** The server's answer about a well-formed code. */
export function statusMessage(status: PassportStatus, code: PassportCode): Message {
  switch (status) {
    case 'active':
      return { key: 'checkin.done', vars: { code } }
    case 'unconfirmed':
      return { key: 'checkin.offlineAccepted', vars: { code } }
    case 'unknown':
      return { key: 'checkin.unknown' }
    case 'revoked':
      return { key: 'checkin.revoked' }
    case 'malformed':
      return { key: 'checkin.problem.garbled' }
  }
}

/** A scanned QR holds the passport page's URL (…/passport/<code>) or the bare code. */
export function codeFromScan(text: string): string {
  const m = /\/passport\/([^/?#\s]+)\/?(?:[?#].*)?$/.exec(text.trim())
  return m?.[1] ? decodeURIComponent(m[1]) : text.trim()
}
