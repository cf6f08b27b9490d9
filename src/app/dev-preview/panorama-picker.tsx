import { useEffect, useState } from 'react'
import { Vector3 } from 'three'
import { getStage } from '../../scene/stage-probe.ts'
import { yawPitch } from '../../scene/panorama/direction.ts'

/** A hotspot line for scenes.yaml, indented as under a scene's `hotspots:`. */
export const hotspotLine = (yaw: number, pitch: number) => `      - { info: new-spot, yaw: ${yaw}, pitch: ${pitch} }`

const ray = new Vector3()

/**
 * Panorama exhibits in the preview: the yaw and pitch under the pointer follow it, and a click
 * (not a drag) copies a hotspot line with them for scenes.yaml, so staff never guess numbers.
 * Reads the stage camera as it is, so it is right however the view was turned.
 */
export function PanoramaPicker() {
  const [at, setAt] = useState<{ x: number; y: number; yaw: number; pitch: number } | null>(null)
  const [copied, setCopied] = useState<string | null>(null)
  useEffect(() => {
    let down: { x: number; y: number } | null = null
    const aim = (e: PointerEvent) => {
      const stage = getStage()
      const canvas = stage?.get().gl.domElement
      if (!stage || !canvas || e.target !== canvas) return null
      const r = canvas.getBoundingClientRect()
      const { camera } = stage.get()
      ray.set(((e.clientX - r.left) / r.width) * 2 - 1, -((e.clientY - r.top) / r.height) * 2 + 1, 0.5).unproject(camera)
      return yawPitch(ray.sub(camera.getWorldPosition(new Vector3())))
    }
    const move = (e: PointerEvent) => {
      const yp = aim(e)
      setAt(yp && { x: e.clientX, y: e.clientY, ...yp })
    }
    const press = (e: PointerEvent) => {
      down = { x: e.clientX, y: e.clientY }
    }
    const release = (e: PointerEvent) => {
      const yp = aim(e)
      if (!yp || !down || Math.hypot(e.clientX - down.x, e.clientY - down.y) > 6) return
      const line = hotspotLine(yp.yaw, yp.pitch)
      setCopied(line)
      void navigator.clipboard?.writeText(line).catch(() => setCopied(`${line}   ← copy it by hand (the browser refused the clipboard)`))
    }
    window.addEventListener('pointermove', move)
    window.addEventListener('pointerdown', press)
    window.addEventListener('pointerup', release)
    return () => {
      window.removeEventListener('pointermove', move)
      window.removeEventListener('pointerdown', press)
      window.removeEventListener('pointerup', release)
    }
  }, [])
  return (
    <>
      {at && (
        <div className="dev-pano-readout" data-testid="pano-readout" style={{ left: at.x + 14, top: at.y + 14 }}>
          yaw {at.yaw} · pitch {at.pitch}
        </div>
      )}
      {copied && (
        <div className="dev-pano-copied" data-testid="pano-copied" role="status">
          Copied for scenes.yaml (change <code>info: new-spot</code> to your info, goto or choose):
          <pre>{copied}</pre>
        </div>
      )}
    </>
  )
}
