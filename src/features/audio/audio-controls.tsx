import type { CSSProperties } from 'react'
import type { Lang } from '../../core/manifest-schema.ts'
import { useAudioStoreApi } from './audio-context.ts'
import { useAudioStore, type AudioStore } from './audio-store.ts'

const LABELS: Record<Lang, { group: string; mute: string; volume: string; bigSubtitles: string }> = {
  'zh-CN': { group: '声音和字幕', mute: '静音', volume: '音量', bigSubtitles: '大字幕' },
  en: { group: 'Sound and subtitles', mute: 'Mute', volume: 'Volume', bigSubtitles: 'Large subtitles' },
}

export interface AudioControlsProps {
  lang: Lang
  /** defaults to the store from AudioStoreContext */
  store?: AudioStore
  className?: string
}

// Every target is at least 44×44 px (WCAG 2.5.5) for small and gloved fingers on a kiosk.
const group: CSSProperties = {
  display: 'inline-flex',
  alignItems: 'center',
  gap: 12,
  padding: '6px 12px',
  borderRadius: 12,
  background: 'rgba(10, 12, 16, 0.8)',
  color: '#fff',
  fontSize: 18,
}
const button: CSSProperties = { minWidth: 44, minHeight: 44, padding: '0 14px', borderRadius: 10, border: '2px solid #fff', font: 'inherit', cursor: 'pointer' }
const slider: CSSProperties = { width: 160, height: 44, margin: 0, accentColor: '#ffd54f', cursor: 'pointer' }

function SpeakerIcon({ muted }: { muted: boolean }) {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" style={{ verticalAlign: 'middle', marginRight: 6 }}>
      <path d="M3 9h4l5-4v14l-5-4H3z" fill="currentColor" />
      {muted ? (
        <path d="M16 9l6 6M22 9l-6 6" stroke="currentColor" strokeWidth="2" />
      ) : (
        <path d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12" stroke="currentColor" strokeWidth="2" fill="none" />
      )}
    </svg>
  )
}

/** Mute toggle, volume slider and subtitle size; the choices persist on this station (see audio-store). */
export function AudioControls({ lang, store, className }: AudioControlsProps) {
  const api = useAudioStoreApi(store)
  const muted = useAudioStore(api, (s) => s.muted)
  const volume = useAudioStore(api, (s) => s.volume)
  const large = useAudioStore(api, (s) => s.subtitleSize === 'large')
  const t = LABELS[lang]
  return (
    <div role="group" aria-label={t.group} className={className} style={group}>
      <button
        type="button"
        aria-pressed={muted}
        onClick={() => api.getState().toggleMuted()}
        style={{ ...button, background: muted ? '#ffd54f' : 'transparent', color: muted ? '#111' : '#fff' }}
      >
        <SpeakerIcon muted={muted} />
        {t.mute}
      </button>
      <label style={{ display: 'inline-flex', alignItems: 'center', gap: 8, minHeight: 44 }}>
        {t.volume}
        <input
          type="range"
          min={0}
          max={100}
          step={5}
          value={Math.round(volume * 100)}
          aria-valuetext={`${Math.round(volume * 100)}%`}
          onChange={(e) => api.getState().setVolume(Number(e.currentTarget.value) / 100)}
          style={slider}
        />
      </label>
      <button
        type="button"
        aria-pressed={large}
        data-testid="subtitle-size"
        onClick={() => api.getState().setSubtitleSize(large ? 'normal' : 'large')}
        style={{ ...button, background: large ? '#ffd54f' : 'transparent', color: large ? '#111' : '#fff' }}
      >
        {t.bigSubtitles}
      </button>
    </div>
  )
}
