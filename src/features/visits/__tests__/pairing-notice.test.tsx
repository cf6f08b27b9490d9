import { act, render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { PairingNotice } from '../pairing-notice.tsx'
import type { PairingState } from '../sync-client.ts'

function source(initial: PairingState | null) {
  let pairing = initial
  const listeners = new Set<(s: { pairing: PairingState | null }) => void>()
  return {
    getState: () => ({ pairing }),
    subscribe: (l: (s: { pairing: PairingState | null }) => void) => {
      listeners.add(l)
      return () => {
        listeners.delete(l)
      }
    },
    set(p: PairingState | null) {
      pairing = p
      for (const l of listeners) l({ pairing })
    },
  }
}

describe('PairingNotice', () => {
  it('shows the code in both languages while pending, a refusal when rejected, nothing once approved', () => {
    const s = source({ status: 'pending', code: '042917', codeExpiresAt: '2026-11-30T12:10:00.000Z' })
    const { container, rerender } = render(<PairingNotice lang="zh-CN" sync={s} />)
    const text = () => screen.getByRole('status').textContent
    expect(text()).toContain('请向老师出示配对码')
    expect(text()).toContain('Show this pairing code to a guide')
    expect(screen.getByTestId('pairing-code').textContent).toBe('042 917')
    rerender(<PairingNotice lang="en" sync={s} />)
    expect(screen.getByRole('status').firstElementChild?.textContent).toBe('Show this pairing code to a guide')
    act(() => s.set({ status: 'pending', code: '550013', codeExpiresAt: '2026-11-30T12:20:00.000Z' }))
    expect(screen.getByTestId('pairing-code').textContent).toBe('550 013')
    act(() => s.set({ status: 'rejected' }))
    expect(text()).toContain('本站点未获批准')
    expect(screen.queryByTestId('pairing-code')).toBeNull()
    act(() => s.set(null))
    expect(container.innerHTML).toBe('')
  })
})
