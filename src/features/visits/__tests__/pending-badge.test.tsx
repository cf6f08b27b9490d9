import { act, render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { PendingBadge } from '../pending-badge.tsx'

function source(initial: number) {
  let n = initial
  const listeners = new Set<(n: number) => void>()
  return {
    getPendingCount: () => n,
    subscribe: (l: (n: number) => void) => {
      listeners.add(l)
      return () => {
        listeners.delete(l)
      }
    },
    set(v: number) {
      n = v
      for (const l of listeners) l(v)
    },
  }
}

describe('PendingBadge', () => {
  it('shows the count in Chinese or English and hides at zero', () => {
    const s = source(3)
    const { container, rerender } = render(<PendingBadge lang="zh-CN" outbox={s} />)
    expect(screen.getByRole('status').textContent).toBe('3 条待同步')
    rerender(<PendingBadge lang="en" outbox={s} />)
    expect(screen.getByRole('status').textContent).toBe('3 pending')
    act(() => s.set(12))
    expect(screen.getByRole('status').textContent).toBe('12 pending')
    act(() => s.set(0))
    expect(container.innerHTML).toBe('')
  })
})
