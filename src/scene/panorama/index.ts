import { createElement } from 'react'
import { defineExhibit, type ExhibitDefinition, type SceneProps } from '../../core/exhibit-kit.ts'
import { panoramaSpec, type PanoramaData, type PanoramaImage } from '../../core/panorama.ts'
import { PanoramaScene } from './panorama-scene.tsx'

export { direction, yawPitch } from './direction.ts'

/**
 * A panorama folder's exhibit. The build (src/build/panorama-plugin.ts) writes the module that
 * calls this with the folder's checked scenes.yaml, its image URLs and sizes, and the manifest's
 * narration cues; no code of the folder runs. Steps and quiz follow the template's key convention.
 */
export function createPanoramaExhibit(data: PanoramaData, images: Record<string, PanoramaImage>, narration: readonly string[]): ExhibitDefinition {
  const { steps, quiz } = panoramaSpec(data, narration)
  const first = data.scenes.find((s) => s.id === (data.start ?? data.scenes[0]?.id))
  const startUrl = first && images[first.image ?? first.photo ?? '']?.url
  function Scene(props: SceneProps) {
    return createElement(PanoramaScene, { ...props, data, images })
  }
  return defineExhibit({
    steps,
    quiz,
    Scene,
    // the first picture is on its way (into the HTTP cache) while the loading bar shows
    async preload({ signal, onProgress }) {
      if (startUrl) await (await fetch(startUrl, { signal })).blob()
      onProgress(1)
    },
  })
}
