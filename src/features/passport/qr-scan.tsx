import { useEffect, useRef, useState } from 'react'
import { useT } from '../../i18n/lang-store.ts'

type Detect = (frame: HTMLCanvasElement) => Promise<string | null>

interface NativeDetector {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>
}
type NativeDetectorCtor = new (opts: { formats: string[] }) => NativeDetector

/**
 * The browser's own BarcodeDetector where it has one (Android, ChromeOS, macOS), else
 * jsQR — plain JavaScript, bundled in this lazily loaded chunk, so scanning works
 * offline and fetches nothing.
 */
async function createDetector(): Promise<Detect> {
  const Native = (globalThis as { BarcodeDetector?: NativeDetectorCtor & { getSupportedFormats?(): Promise<string[]> } }).BarcodeDetector
  const formats: string[] = (await Native?.getSupportedFormats?.().catch(() => [])) ?? []
  if (Native && formats.includes('qr_code')) {
    const d = new Native({ formats: ['qr_code'] })
    return async (c) => (await d.detect(c))[0]?.rawValue ?? null
  }
  const { default: jsQR } = await import('jsqr')
  return async (c) => {
    const g = c.getContext('2d', { willReadFrequently: true })
    if (!g) return null
    const img = g.getImageData(0, 0, c.width, c.height)
    return jsQR(img.data, img.width, img.height, { inversionAttempts: 'dontInvert' })?.data ?? null
  }
}

/** Camera preview that calls onText with each QR code it reads, until unmounted. */
export function QrScan(props: { onText(text: string): void; onClose(): void }) {
  const t = useT()
  const video = useRef<HTMLVideoElement>(null)
  const [state, setState] = useState<'starting' | 'scanning' | 'no-camera' | 'denied'>(
    // mediaDevices is missing outside a secure context (plain http on a LAN address)
    () => (typeof navigator !== 'undefined' && (navigator.mediaDevices as MediaDevices | undefined) ? 'starting' : 'no-camera'),
  )
  const onText = useRef(props.onText)
  useEffect(() => {
    onText.current = props.onText
  })

  useEffect(() => {
    if (!(navigator.mediaDevices as MediaDevices | undefined)) return
    let stop = false
    let stream: MediaStream | null = null
    let timer: ReturnType<typeof setTimeout> | undefined
    const canvas = document.createElement('canvas')
    void (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      } catch {
        if (!stop) setState('denied')
        return
      }
      if (stop) {
        stream.getTracks().forEach((tr) => tr.stop())
        return
      }
      const v = video.current!
      v.srcObject = stream
      await v.play().catch(() => {
        /* muted inline video plays; a paused one still gives frames */
      })
      const detect = await createDetector()
      setState('scanning')
      const tick = async () => {
        if (stop) return
        if (v.videoWidth > 0) {
          // A bounded frame keeps jsQR fast on a phone: ~640 px is plenty for a card held near.
          const scale = Math.min(1, 640 / v.videoWidth)
          canvas.width = Math.round(v.videoWidth * scale)
          canvas.height = Math.round(v.videoHeight * scale)
          canvas.getContext('2d', { willReadFrequently: true })?.drawImage(v, 0, 0, canvas.width, canvas.height)
          const text = await detect(canvas).catch(() => null)
          if (text && !stop) onText.current(text)
        }
        timer = setTimeout(() => void tick(), 120)
      }
      void tick()
    })()
    return () => {
      stop = true
      clearTimeout(timer)
      stream?.getTracks().forEach((tr) => tr.stop())
    }
  }, [])

  return (
    <div className="qr-scan" data-testid="qr-scan" data-state={state}>
      {state === 'no-camera' && <p role="alert">{t('checkin.scan.noCamera')}</p>}
      {state === 'denied' && <p role="alert">{t('checkin.scan.denied')}</p>}
      {(state === 'starting' || state === 'scanning') && (
        <>
          <video ref={video} muted playsInline className="qr-video" aria-label={t('checkin.scan.preview')} />
          <p>{t(state === 'starting' ? 'checkin.scan.starting' : 'checkin.scan.hint')}</p>
        </>
      )}
      <button className="btn" type="button" onClick={props.onClose} data-testid="scan-close">
        {t('checkin.scan.close')}
      </button>
    </div>
  )
}
