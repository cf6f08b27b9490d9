import { useEffect, useState } from 'react'
import QRCode from 'qrcode'

/** A QR code as an SVG data URL, made on the device (the qrcode package; nothing fetched). */
export function QrImage(props: { text: string; size: string; label: string }) {
  const [src, setSrc] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    // Level M survives a crease or a smudge on a paper card; margin 2 modules is enough on white paper.
    void QRCode.toString(props.text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }).then((svg) => {
      if (live) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`)
    })
    return () => {
      live = false
    }
  }, [props.text])
  return src ? (
    <img className="qr" src={src} alt={props.label} style={{ width: props.size, height: props.size }} data-qr={props.text} />
  ) : (
    <span className="qr" style={{ width: props.size, height: props.size, display: 'inline-block' }} />
  )
}
