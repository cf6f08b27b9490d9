import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { Cleanup } from '../../core/exhibit-kit.ts'
import { realClock, type Clock } from './idle-machine.ts'
import { useKioskSettings } from './kiosk-settings.ts'
import { verifyPin } from './pin-hash.ts'
import { useKioskText } from './texts.ts'
import { staffAtWork } from './kiosk-signals.ts'

export const HOLD_MS = 3000
const MAX_TRIES = 5
const LOCK_MS = 60_000

/**
 * The only way out of kiosk mode from the screen: hold the top-left corner for 3 s, then the
 * staff PIN. The corner is invisible and a short tap on it does nothing, so a student who finds
 * it by chance sees nothing happen; five wrong PINs lock the dialog for a minute.
 */
export function StaffExit(props: { clock?: Clock }) {
  const clock = props.clock ?? realClock
  const t = useKioskText()
  const pin = useKioskSettings((s) => s.pin)
  const exit = useKioskSettings((s) => s.exit)
  const [open, setOpen] = useState(false)
  const [message, setMessage] = useState<{ key: 'exit.wrong' | 'exit.locked'; n: number } | null>(null)
  const hold = useRef<Cleanup | null>(null)
  const tries = useRef({ n: 0, lockedUntil: 0 })
  const release = () => {
    hold.current?.()
    hold.current = null
  }
  useEffect(() => release, [])
  // Holding the corner sends no events for 3 s, and typing a PIN is slow: neither is an idle station.
  const holding = (on: boolean) => staffAtWork.set(on || open)
  useEffect(() => {
    staffAtWork.set(open)
    return () => staffAtWork.set(false)
  }, [open])

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const form = e.currentTarget
    const given = String(new FormData(form).get('pin') ?? '')
    form.reset()
    const now = clock.now()
    const locked = () => setMessage({ key: 'exit.locked', n: Math.ceil((tries.current.lockedUntil - now) / 1000) })
    if (now < tries.current.lockedUntil) return locked()
    if (pin && (await verifyPin(given, pin))) {
      tries.current.n = 0
      setOpen(false)
      exit()
      return
    }
    if (++tries.current.n >= MAX_TRIES) {
      tries.current = { n: 0, lockedUntil: now + LOCK_MS }
      return locked()
    }
    setMessage({ key: 'exit.wrong', n: 0 })
  }

  return (
    <>
      <div
        className="kiosk-exit-corner"
        data-testid="kiosk-exit-corner"
        aria-hidden
        onPointerDown={(e) => {
          e.preventDefault()
          release()
          holding(true)
          hold.current = clock.after(() => {
            hold.current = null
            setMessage(null)
            setOpen(true)
          }, HOLD_MS)
        }}
        onPointerUp={() => {
          release()
          holding(false)
        }}
        onPointerCancel={() => {
          release()
          holding(false)
        }}
        onPointerLeave={() => {
          release()
          holding(false)
        }}
      />
      {open && (
        <div className="kiosk-dialog-backdrop">
          <div className="kiosk-dialog" role="dialog" aria-modal="true" aria-labelledby="kiosk-exit-title" data-testid="kiosk-exit-dialog">
            <h2 id="kiosk-exit-title">{t('exit.title')}</h2>
            {pin ? (
              <form onSubmit={(e) => void submit(e)}>
                <label>
                  {t('exit.pin')}
                  <input
                    name="pin"
                    type="password"
                    inputMode="numeric"
                    autoComplete="off"
                    pattern="[0-9]{4,8}"
                    required
                    autoFocus
                    data-testid="kiosk-exit-pin"
                  />
                </label>
                {message && (
                  <p role="alert" data-testid="kiosk-exit-message" data-message={message.key}>
                    {t(message.key, { n: message.n })}
                  </p>
                )}
                <div className="kiosk-dialog-actions">
                  <button className="btn" type="button" onClick={() => setOpen(false)}>
                    {t('exit.cancel')}
                  </button>
                  <button className="btn primary" type="submit" data-testid="kiosk-exit-submit">
                    {t('exit.ok')}
                  </button>
                </div>
              </form>
            ) : (
              <>
                <p data-testid="kiosk-exit-no-pin">{t('exit.noPin')}</p>
                <button className="btn" type="button" onClick={() => setOpen(false)}>
                  {t('exit.cancel')}
                </button>
              </>
            )}
          </div>
        </div>
      )}
    </>
  )
}
