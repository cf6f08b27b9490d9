import { describe, expect, it } from 'vitest'
import { KioskSettingsSchema, DEFAULT_KIOSK, idleMsFor, PinHashSchema } from '../kiosk-settings.ts'
import { hashPin, verifyPin } from '../pin-hash.ts'

describe('staff PIN', () => {
  it('stores a salted hash that verifies the PIN and nothing else', async () => {
    const h = await hashPin('2468', 10_000)
    expect(PinHashSchema.parse(h)).toEqual(h)
    expect(JSON.stringify(h)).not.toContain('2468')
    expect(await verifyPin('2468', h)).toBe(true)
    for (const wrong of ['2469', '24680', '', 'abcd', '2468 ']) expect(await verifyPin(wrong, h)).toBe(false)
    // a fresh salt each time: equal PINs do not give equal records
    expect((await hashPin('2468', 10_000)).hash).not.toBe(h.hash)
  })

  it('refuses to hash a PIN that is not 4–8 digits', async () => {
    await expect(hashPin('123')).rejects.toThrow()
    await expect(hashPin('123456789')).rejects.toThrow()
  })
})

describe('kiosk settings', () => {
  it('defaults keep kiosk and idle reset off, with no PIN', () => {
    expect(KioskSettingsSchema.parse(DEFAULT_KIOSK)).toMatchObject({ kiosk: false, idleReset: false, pin: null })
  })
  it('idle time: the setting wins; otherwise 60 s for touchscreen/PC, 10 min for a headset or any station in VR', () => {
    expect(idleMsFor({ idleSeconds: null }, 'touchscreen', false)).toBe(60_000)
    expect(idleMsFor({ idleSeconds: null }, 'pc', false)).toBe(60_000)
    expect(idleMsFor({ idleSeconds: null }, null, false)).toBe(60_000)
    expect(idleMsFor({ idleSeconds: null }, 'headset', false)).toBe(600_000)
    expect(idleMsFor({ idleSeconds: null }, 'phone', true)).toBe(600_000)
    expect(idleMsFor({ idleSeconds: 5 }, 'headset', true)).toBe(5000)
  })
})
