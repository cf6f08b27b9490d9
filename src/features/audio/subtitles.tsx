import type { CSSProperties } from 'react'
import { useAudioStoreApi } from './audio-context.ts'
import type { AudioStore } from './audio-store.ts'
import { useAudioStore } from './audio-store.ts'

export interface SubtitleBarProps {
  /** defaults to the store from AudioStoreContext */
  store?: AudioStore
  className?: string
}

// Large light text on a near-opaque dark band (contrast > 12:1) above the bottom edge, readable from
// a couple of metres by an 8-year-old; never takes pointer input away from the exhibit beneath.
const bar: CSSProperties = {
  position: 'fixed',
  left: '50%',
  bottom: 'max(24px, env(safe-area-inset-bottom))',
  transform: 'translateX(-50%)',
  width: 'max-content',
  maxWidth: 'min(92vw, 1100px)',
  boxSizing: 'border-box',
  padding: '12px 28px',
  borderRadius: 12,
  background: 'rgba(10, 12, 16, 0.88)',
  color: '#ffffff',
  textAlign: 'center',
  fontSize: 'clamp(22px, 3.2vw, 40px)',
  lineHeight: 1.4,
  fontWeight: 600,
  letterSpacing: '0.02em',
  textShadow: '0 1px 2px #000',
  pointerEvents: 'none',
  zIndex: 50,
}
const LARGE_FONT = 'clamp(30px, 4.4vw, 56px)'
const hidden: CSSProperties = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' }

/**
 * The current narration line. The live region stays mounted (empty, visually hidden) between
 * lines: a region that appears together with its text is often not announced by screen readers.
 */
export function SubtitleBar({ store, className }: SubtitleBarProps) {
  const api = useAudioStoreApi(store)
  const subtitle = useAudioStore(api, (s) => s.subtitle)
  const size = useAudioStore(api, (s) => s.subtitleSize)
  const style = subtitle === null ? hidden : size === 'large' ? { ...bar, fontSize: LARGE_FONT } : bar
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className={className} data-cue={subtitle?.cue} data-size={size} style={style}>
      {subtitle?.text}
    </div>
  )
}
