// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useReducedMotion } from '../reduced-motion.ts'

/** A matchMedia whose `(prefers-reduced-motion: reduce)` answer the test flips, as the OS setting would. */
function fakeMedia(initial: boolean) {
  let matches = initial
  const listeners = new Set<() => void>()
  const mq = {
    get matches() {
      return matches
    },
    addEventListener: (_: string, l: () => void) => listeners.add(l),
    removeEventListener: (_: string, l: () => void) => listeners.delete(l),
  }
  vi.stubGlobal('matchMedia', (q: string) => {
    expect(q).toBe('(prefers-reduced-motion: reduce)')
    return mq
  })
  return {
    listeners,
    set(v: boolean) {
      matches = v
      for (const l of [...listeners]) l()
    },
  }
}

function Probe() {
  return <p data-testid="m">{useReducedMotion() ? 'reduced' : 'full'}</p>
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('useReducedMotion', () => {
  it('follows the device setting live and unsubscribes on unmount', () => {
    const media = fakeMedia(false)
    const { unmount } = render(<Probe />)
    expect(screen.getByTestId('m').textContent).toBe('full')
    act(() => media.set(true))
    expect(screen.getByTestId('m').textContent).toBe('reduced')
    act(() => media.set(false))
    expect(screen.getByTestId('m').textContent).toBe('full')
    unmount()
    expect(media.listeners.size).toBe(0)
  })

  it('reads a setting that is on from the start', () => {
    fakeMedia(true)
    render(<Probe />)
    expect(screen.getByTestId('m').textContent).toBe('reduced')
  })

  it('is full motion where matchMedia does not exist', () => {
    vi.stubGlobal('matchMedia', undefined)
    render(<Probe />)
    expect(screen.getByTestId('m').textContent).toBe('full')
  })
})
