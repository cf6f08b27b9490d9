// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { AudioControls, AudioStoreContext, createAudioStore, SubtitleBar } from '../index.ts'

afterEach(cleanup)

describe('<SubtitleBar>', () => {
  it('is an empty polite live region until a subtitle arrives, then shows it', () => {
    const store = createAudioStore({ storage: null })
    render(
      <AudioStoreContext value={store}>
        <SubtitleBar />
      </AudioStoreContext>,
    )
    const region = screen.getByRole('status')
    expect(region.getAttribute('aria-live')).toBe('polite')
    expect(region.textContent).toBe('')
    expect(region.style.position).toBe('absolute') // visually hidden
    act(() => store.getState().setSubtitle({ text: '弯下腰，沿着墙走。', cue: 'crawl' }))
    expect(region.textContent).toBe('弯下腰，沿着墙走。')
    expect(region.style.position).toBe('fixed')
    expect(region.dataset.cue).toBe('crawl')
    expect(region.dataset.size).toBe('normal')
    act(() => store.getState().setSubtitleSize('large'))
    expect(region.dataset.size).toBe('large') // the page's CSS sizes the band by it
    act(() => store.getState().setSubtitle(null))
    expect(region.textContent).toBe('')
  })

  it('throws a clear error without a store', () => {
    expect(() => render(<SubtitleBar />)).toThrow(/AudioStoreContext/)
  })
})

describe('<AudioControls>', () => {
  it('labels in Chinese and toggles mute in the store', () => {
    const store = createAudioStore({ storage: null })
    render(<AudioControls lang="zh-CN" store={store} />)
    expect(screen.getByRole('group', { name: '声音和字幕' })).toBeTruthy()
    const mute = screen.getByRole('button', { name: '静音' })
    expect(mute.getAttribute('aria-pressed')).toBe('false')
    fireEvent.click(mute)
    expect(store.getState().muted).toBe(true)
    expect(mute.getAttribute('aria-pressed')).toBe('true')
  })

  it('labels in English and sets the volume from the slider', () => {
    const store = createAudioStore({ storage: null })
    render(<AudioControls lang="en" store={store} />)
    expect(screen.getByRole('button', { name: 'Mute' })).toBeTruthy()
    const slider = screen.getByRole('slider', { name: 'Volume' })
    fireEvent.change(slider, { target: { value: '25' } })
    expect(store.getState().volume).toBe(0.25)
    expect((slider as HTMLInputElement).value).toBe('25')
  })

  it('makes subtitles larger and back with one labelled toggle', () => {
    const store = createAudioStore({ storage: null })
    render(<AudioControls lang="zh-CN" store={store} />)
    const big = screen.getByRole('button', { name: '大字幕' })
    expect(big.getAttribute('aria-pressed')).toBe('false')
    fireEvent.click(big)
    expect(store.getState().subtitleSize).toBe('large')
    expect(big.getAttribute('aria-pressed')).toBe('true')
    fireEvent.click(big)
    expect(store.getState().subtitleSize).toBe('normal')
  })
})
