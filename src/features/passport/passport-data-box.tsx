import { saveFile } from '../files/index.ts'
import { useState, type FormEvent } from 'react'
import { checkPassportCode, formatPassportCode, type PassportCode } from '../../core/passport-code.ts'
import { useT } from '../../i18n/lang-store.ts'
import { codeProblemMessage, type Message } from './code-messages.ts'
import { deletePassport, exportPassport, type ApiResult } from './passport-api.ts'
import { CodeInput } from './code-input.tsx'

type Tone = 'error' | 'ok' | 'warn'
type Shown = Message & { tone: Tone }

/** A failed export or delete, as a message the guide can act on. */
function failure(r: Exclude<ApiResult<unknown>, { ok: true }>): Shown {
  if (r.kind === 'offline') return { key: 'guide.offline', tone: 'error' }
  if (r.status === 403) return { key: 'guide.notYours', tone: 'error' }
  if (r.status === 404) return { key: 'guide.data.unknown', tone: 'error' }
  if (r.status === 410) return { key: 'guide.data.gone', tone: 'error' }
  if (r.status === 429) return { key: 'guide.tooMany', tone: 'error' }
  return { key: 'guide.failed', tone: 'error' }
}

/** The JSON as a file the browser saves (no server round trip for the download itself). */
function download(name: string, data: unknown): void {
  saveFile(name, new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }))
}

/**
 * Export (JSON) or delete everything held for one passport, on behalf of the family
 * (docs/privacy.md). Deleting asks for the code a second time: it cannot be undone.
 */
export function PassportDataBox(props: { token: string; onUnauthorized(): void }) {
  const t = useT()
  const [input, setInput] = useState('')
  const [pending, setPending] = useState<PassportCode | null>(null)
  const [again, setAgain] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<Shown | null>(null)

  function codeOrSay(): PassportCode | null {
    const check = checkPassportCode(input)
    if (check.ok) return check.code
    setMessage({ ...codeProblemMessage(check), tone: 'error' })
    return null
  }
  async function run<T>(call: Promise<ApiResult<T>>, done: (data: T) => Shown) {
    setBusy(true)
    setMessage({ key: 'guide.data.working', tone: 'warn' })
    const r = await call
    setBusy(false)
    if (!r.ok && r.kind === 'http' && r.status === 401) props.onUnauthorized()
    setMessage(r.ok ? done(r.data) : failure(r))
  }
  function onExport() {
    const code = codeOrSay()
    if (!code) return
    void run(exportPassport(code, props.token), (data) => {
      download(`passport-${code}.json`, data)
      return { key: 'guide.data.exported', vars: { code: formatPassportCode(code), n: data.events.length }, tone: 'ok' }
    })
  }
  function onDelete() {
    const code = codeOrSay()
    if (!code) return
    setPending(code)
    setAgain('')
    setMessage(null)
  }
  function onConfirm(e: FormEvent) {
    e.preventDefault()
    if (!pending) return
    const check = checkPassportCode(again)
    if (!check.ok || check.code !== pending) {
      setMessage({ key: 'guide.data.confirmMismatch', tone: 'error' })
      return
    }
    const code = pending
    setPending(null)
    void run(deletePassport(code, props.token), () => ({ key: 'guide.data.deleted', vars: { code: formatPassportCode(code) }, tone: 'ok' }))
  }

  return (
    <section className="guide-form passport-data" data-testid="passport-data" aria-labelledby="passport-data-title">
      <h2 id="passport-data-title">{t('guide.data.title')}</h2>
      <p>{t('guide.data.intro')}</p>
      <label>
        {t('guide.data.code')}
        <CodeInput
          value={input}
          onChange={(value) => {
            setInput(value)
            setPending(null)
            setMessage(null)
          }}
          data-testid="data-code"
        />
      </label>
      <p className="print-toolbar">
        <button type="button" className="btn" disabled={busy} onClick={onExport} data-testid="data-export">
          {t('guide.data.export')}
        </button>
        <button type="button" className="btn" disabled={busy || pending !== null} onClick={onDelete} data-testid="data-delete">
          {t('guide.data.delete')}
        </button>
      </p>
      {pending && (
        <form
          className="guide-form passport-data-confirm"
          role="alertdialog"
          aria-labelledby="data-confirm-title"
          data-testid="data-confirm"
          onSubmit={onConfirm}
        >
          <h3 id="data-confirm-title">{t('guide.data.confirmTitle', { code: formatPassportCode(pending) })}</h3>
          <p>{t('guide.data.confirmBody')}</p>
          <label>
            {t('guide.data.confirmType')}
            <CodeInput value={again} onChange={setAgain} placeholder="" data-testid="data-confirm-code" />
          </label>
          <p className="print-toolbar">
            <button type="submit" className="btn primary" data-testid="data-confirm-delete">
              {t('guide.data.confirmDelete')}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => {
                setPending(null)
                setMessage({ key: 'guide.data.cancelled', tone: 'warn' })
              }}
              data-testid="data-cancel"
            >
              {t('guide.data.cancel')}
            </button>
          </p>
        </form>
      )}
      <p
        role={message?.tone === 'error' ? 'alert' : 'status'}
        data-testid="data-message"
        data-tone={message?.tone ?? ''}
        className={`code-message ${message?.tone ?? ''}`}
      >
        {message ? t(message.key, message.vars) : ''}
      </p>
    </section>
  )
}
