import { useEffect, useState } from 'react'
import { kioskText } from './texts.ts'

export interface AttractItem {
  id: string
  title: { 'zh-CN': string; en: string }
  stamp: { glyph: string; color: string }
  /** a picture of the scene (the exhibit's cover), or null: the stamp stands in */
  cover: string | null
}

export const ATTRACT_SLIDE_MS = 4000

/**
 * Between visitors, over the lobby: one exhibit after another — its picture, stamp and title in
 * both languages — and "点击开始 / Touch to start". The touch itself only closes the loop (it is
 * the overlay's own click), so it never also opens whatever lay under the finger.
 */
export function AttractLoop(props: { items: readonly AttractItem[]; onTouch(): void }) {
  const { items } = props
  const [i, setI] = useState(0)
  useEffect(() => {
    if (items.length < 2) return
    const t = setInterval(() => setI((n) => (n + 1) % items.length), ATTRACT_SLIDE_MS)
    return () => clearInterval(t)
  }, [items.length])
  const item = items[i % Math.max(1, items.length)]
  return (
    <div
      className="attract"
      role="button"
      tabIndex={0}
      aria-label={`${kioskText('zh-CN', 'attract.start')} / ${kioskText('en', 'attract.start')}`}
      data-testid="attract"
      data-exhibit={item?.id ?? ''}
      onClick={props.onTouch}
      onKeyDown={props.onTouch}
    >
      {item && (
        <figure className="attract-slide" key={item.id} style={{ ['--stamp' as string]: item.stamp.color }}>
          {item.cover ? <img src={item.cover} alt="" decoding="async" /> : <div className="attract-placeholder" aria-hidden />}
          <figcaption>
            <span className="attract-stamp" aria-hidden>
              {item.stamp.glyph}
            </span>
            <span className="attract-title" lang="zh-CN">
              {item.title['zh-CN']}
            </span>
            <span className="attract-title-en" lang="en">
              {item.title.en}
            </span>
          </figcaption>
        </figure>
      )}
      <p className="attract-start">
        <span lang="zh-CN">{kioskText('zh-CN', 'attract.start')}</span>
        <span lang="en">{kioskText('en', 'attract.start')}</span>
      </p>
      <ol className="attract-dots" aria-hidden>
        {items.map((x, n) => (
          <li key={x.id} className={n === i ? 'on' : ''} />
        ))}
      </ol>
    </div>
  )
}
