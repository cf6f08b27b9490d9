import { useEffect, useMemo, useState } from 'react'
import { BackSide, SRGBColorSpace, TextureLoader, type Texture } from 'three'
import { useExhibit } from '../../sdk/hooks.ts'
import type { PanoramaImage } from '../../core/panorama.ts'
import { EYE_HEIGHT, PHOTO_DISTANCE, SPHERE_RADIUS } from './direction.ts'

/** Loads one image as a texture, disposed when the scene changes or the exhibit exits. */
function useImageTexture(url: string): Texture | null {
  const ctx = useExhibit()
  const [tex, setTex] = useState<Texture | null>(null)
  useEffect(() => {
    let live = true
    let loaded: Texture | undefined
    void ctx.run(async () => {
      const t = await new TextureLoader().loadAsync(url)
      t.colorSpace = SRGBColorSpace
      loaded = t
      if (live) setTex(t)
      else t.dispose()
    })
    return () => {
      live = false
      loaded?.dispose()
      setTex(null)
    }
  }, [ctx, url])
  return tex
}

/**
 * The picture around the viewer: a 360° panorama on the inside of a sphere (its centre column
 * straight ahead, so yaw/pitch in scenes.yaml match direction.ts), or an ordinary photo hung in
 * front on a dark surround. Until the image has loaded, only the surround shows.
 */
export function Backdrop(props: { image: PanoramaImage; kind: 'image' | 'photo' }) {
  const { image, kind } = props
  const tex = useImageTexture(image.url)
  const photo = useMemo(() => {
    const h = 2 * PHOTO_DISTANCE * Math.tan((25 * Math.PI) / 180)
    return { w: (h * image.width) / image.height, h }
  }, [image])
  return (
    <group position={[0, EYE_HEIGHT, 0]}>
      {kind === 'image' ? (
        // the sphere's u=0.5 seam faces -x; a quarter turn puts the image's centre straight ahead
        // userData.loaded: whether the picture is up (a test or the look check waits for it, not for a time)
        <mesh name="panorama-sphere" rotation={[0, -Math.PI / 2, 0]} scale={[-1, 1, 1]} userData={{ loaded: !!tex }}>
          <sphereGeometry args={[SPHERE_RADIUS, 64, 32]} />
          <meshBasicMaterial key={tex ? 'image' : 'wait'} map={tex} color={tex ? '#ffffff' : '#20262e'} side={BackSide} />
        </mesh>
      ) : (
        <>
          <mesh name="panorama-surround">
            <sphereGeometry args={[SPHERE_RADIUS, 16, 8]} />
            <meshBasicMaterial color="#20262e" side={BackSide} />
          </mesh>
          <mesh name="panorama-photo" position={[0, 0, -PHOTO_DISTANCE]} userData={{ loaded: !!tex }}>
            <planeGeometry args={[photo.w, photo.h]} />
            <meshBasicMaterial key={tex ? 'image' : 'wait'} map={tex} color={tex ? '#ffffff' : '#3a424d'} />
          </mesh>
        </>
      )}
    </group>
  )
}
