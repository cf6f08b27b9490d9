import { useState, type FormEvent } from 'react'
import { checkPassportCode, formatPassportCode, type PassportCode } from '../../core/passport-code.ts'
import { useT } from '../../i18n/lang-store.ts'
import { codeProblemMessage, statusMessage, type Message } from './code-messages.ts'
import type { PassportStatus } from './passport-api.ts'
import { CodeInput } from './code-input.tsx'

export interface CheckInFormProps {
  /** asks the server; resolves 'unconfirmed' when it cannot be reached */
  confirm(code: PassportCode): Promise<PassportStatus>
  onCheckedIn(code: PassportCode, confirmed: boolean): void
}

/** Sorts what was typed into the two groups printed on the card, as the child types. */
function grouped(input: string): string {
  const t = input.toUpperCase().replace(/[\s\-_.·]/g, '')
  return t.length > 5 ? formatPassportCode(t) : t
}

/**
 * Typing the passport code: one big field, the code shown back in its printed groups,
 * and a message that says which character to look at (check characters, see core).
 */
export function CheckInForm({ confirm, onCheckedIn }: CheckInFormProps) {
  const t = useT()
  const [input, setInput] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<(Message & { tone: 'error' | 'ok' | 'warn' }) | null>(null)

  async function submit(e?: FormEvent) {
    e?.preventDefault()
    if (busy) return
    const check = checkPassportCode(input)
    if (!check.ok) {
      setMessage({ ...codeProblemMessage(check), tone: 'error' })
      return
    }
    setBusy(true)
    setMessage({ key: 'checkin.checking', tone: 'warn' })
    const status = await confirm(check.code)
    setBusy(false)
    const m = statusMessage(status, formatPassportCode(check.code))
    const accepted = status === 'active' || status === 'unconfirmed'
    setMessage({ ...m, tone: status === 'active' ? 'ok' : accepted ? 'warn' : 'error' })
    if (accepted) onCheckedIn(check.code, status === 'active')
  }

  return (
    <form className="checkin-form" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor="passport-code">{t('checkin.type')}</label>
      <CodeInput
        id="passport-code"
        data-testid="code-input"
        className="code-input"
        value={input}
        onChange={(value) => {
          setInput(value)
          setMessage(null)
        }}
        aria-describedby="code-grouped code-message"
      />
      <p id="code-grouped" className="code-grouped" data-testid="code-grouped" aria-live="off">
        {grouped(input) || '\u00a0'}
      </p>
      <button className="btn primary big" type="submit" disabled={busy} data-testid="code-submit">
        {t('checkin.submit')}
      </button>
      <p
        id="code-message"
        role={message?.tone === 'error' ? 'alert' : 'status'}
        data-testid="code-message"
        data-tone={message?.tone ?? ''}
        className={`code-message ${message?.tone ?? ''}`}
      >
        {message ? t(message.key, message.vars) : ''}
      </p>
    </form>
  )
}
