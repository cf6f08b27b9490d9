import { useState, type FormEvent } from 'react'
import { canHashPin, hashPin, PIN_PATTERN } from './pin-hash.ts'
import { KioskSettingsSchema, useKioskSettings, type KioskSettings } from './kiosk-settings.ts'
import { useKioskText, type KioskTextKey } from './texts.ts'

const seconds = (v: FormDataEntryValue | null): number | null => {
  const s = String(v ?? '').trim()
  return s === '' ? null : Number(s)
}

/**
 * Kiosk mode, idle reset and the staff PIN, on the station setup screen once a guide signed in
 * there. Kept on this device only: the PIN as a salted PBKDF2 hash.
 */
export function KioskSettingsForm() {
  const t = useKioskText()
  const current = useKioskSettings()
  const [message, setMessage] = useState<KioskTextKey | null>(null)

  async function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    const pinText = String(f.get('pin') ?? '').trim()
    const kiosk = f.get('kiosk') === 'on'
    if (pinText && !canHashPin()) return setMessage('settings.noCrypto')
    const pin = pinText && PIN_PATTERN.test(pinText) ? await hashPin(pinText) : current.pin
    if (kiosk && !pin) return setMessage('settings.pinNeeded')
    const next: KioskSettings = {
      kiosk,
      idleReset: f.get('idleReset') === 'on',
      idleSeconds: seconds(f.get('idleSeconds')),
      warnSeconds: seconds(f.get('warnSeconds')) ?? 10,
      pin,
    }
    if (!KioskSettingsSchema.safeParse(next).success) return setMessage('settings.invalid')
    current.save(next)
    setMessage('settings.saved')
  }

  return (
    <form className="guide-form kiosk-settings" onSubmit={(e) => void save(e)} data-testid="kiosk-settings">
      <h3>{t('settings.title')}</h3>
      <label>
        <input type="checkbox" name="kiosk" defaultChecked={current.kiosk} data-testid="kiosk-on" />
        {t('settings.kiosk')}
      </label>
      <label>
        <input type="checkbox" name="idleReset" defaultChecked={current.idleReset || current.pin === null} data-testid="kiosk-idle-on" />
        {t('settings.idle')}
      </label>
      <label>
        {t('settings.idleSeconds')}
        <input name="idleSeconds" type="number" min={3} max={3600} step={1} defaultValue={current.idleSeconds ?? ''} data-testid="kiosk-idle-seconds" />
      </label>
      <label>
        {t('settings.warnSeconds')}
        <input name="warnSeconds" type="number" min={3} max={60} step={1} required defaultValue={current.warnSeconds} data-testid="kiosk-warn-seconds" />
      </label>
      <label>
        {t('settings.pin')}
        <input
          name="pin"
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          pattern="[0-9]{4,8}"
          placeholder={current.pin ? t('settings.pinKeep') : ''}
          data-testid="kiosk-pin"
        />
      </label>
      <button className="btn primary" type="submit" data-testid="kiosk-save">
        {t('settings.save')}
      </button>
      {message && (
        <p role="status" data-testid="kiosk-settings-message" data-message={message}>
          {t(message)}
        </p>
      )}
    </form>
  )
}
