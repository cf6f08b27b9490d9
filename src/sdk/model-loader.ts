import { LoadingManager, type WebGLRenderer } from 'three'
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js'
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js'
import { KTX2Loader } from 'three/examples/jsm/loaders/KTX2Loader.js'

/**
 * three's own Basis transcoder from this app's files, never a CDN: KTX2Loader asks for
 * `<path>basis_transcoder.{js,wasm}`, and the manager answers with the bundled files' URLs,
 * imported (and so downloaded) only when a model really has a KTX2 texture.
 */
class LocalKTX2Loader extends KTX2Loader {
  private local: Promise<unknown> | null = null
  constructor(private readonly gl: WebGLRenderer) {
    super(new LoadingManager())
  }
  override init(): Promise<void> {
    this.local ??= Promise.all([
      import('three/examples/jsm/libs/basis/basis_transcoder.js?url'),
      import('three/examples/jsm/libs/basis/basis_transcoder.wasm?url'),
    ]).then(([js, wasm]) => {
      this.setTranscoderPath('/sophora-local-basis/').detectSupport(this.gl)
      this.manager.setURLModifier((url) => (url.endsWith('basis_transcoder.js') ? js.default : url.endsWith('basis_transcoder.wasm') ? wasm.default : url))
    })
    return this.local.then(() => super.init())
  }
}

let ktx2: KTX2Loader | null = null
function ktx2Loader(gl: WebGLRenderer): KTX2Loader {
  ktx2 ??= new LocalKTX2Loader(gl)
  return ktx2
}

/** A glTF loader with three's own meshopt decoder and the local KTX2 loader (see `useModel`). */
export const gltfLoader = (gl: WebGLRenderer): GLTFLoader => new GLTFLoader().setMeshoptDecoder(MeshoptDecoder).setKTX2Loader(ktx2Loader(gl))
