import { useThree } from '@react-three/fiber'
import { useEffect } from 'react'
import { PerspectiveCamera } from 'three'
import { flatFov } from './flat-fov.ts'

/** Keeps the flat camera's field of view fitted to the canvas (see flat-fov.ts); XR cameras are the headset's own. */
export function FlatView() {
  const camera = useThree((s) => s.camera)
  const width = useThree((s) => s.size.width)
  const height = useThree((s) => s.size.height)
  useEffect(() => {
    if (!(camera instanceof PerspectiveCamera) || !height) return
    camera.fov = flatFov(width / height)
    camera.updateProjectionMatrix()
  }, [camera, width, height])
  return null
}
