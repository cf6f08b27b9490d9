import { afterEach, describe, expect, it } from 'vitest'
import { onPauseChange, setGuideHold } from '../pause-signal.ts'

let hidden = false
Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden })
const setHidden = (h: boolean) => {
  hidden = h
  document.dispatchEvent(new Event('visibilitychange'))
}
const flush = () => new Promise<void>((r) => queueMicrotask(r))

afterEach(() => {
  setGuideHold(false)
  hidden = false
})

describe('the exhibit pause signal (hidden page or guide pause)', () => {
  it("reports the guide's pause and resume, and a hidden page, once per change", () => {
    const calls: boolean[] = []
    const stop = onPauseChange((p) => calls.push(p))
    setGuideHold(true)
    setHidden(true) // already paused: nothing new
    setGuideHold(false) // still hidden: still paused
    setHidden(false)
    expect(calls).toEqual([true, false])
    stop()
    setGuideHold(true)
    expect(calls).toEqual([true, false])
  })

  it('tells an exhibit that starts during the guide’s pause (a reload while held)', async () => {
    setGuideHold(true)
    const calls: boolean[] = []
    onPauseChange((p) => calls.push(p))
    await flush()
    expect(calls).toEqual([true])
  })

  it('says nothing to an exhibit whose listener was removed before the first check', async () => {
    setGuideHold(true)
    const calls: boolean[] = []
    onPauseChange((p) => calls.push(p))()
    await flush()
    expect(calls).toEqual([])
  })
})
