import { describe, expect, it } from 'vitest'
import { packageOf, vendorChunkName } from '../chunk-names.ts'

const nm = (p: string) => `/repo/node_modules/${p}`

describe('shared chunk names', () => {
  it('names the 3D stack after three.js first, though three is only two modules', () => {
    const ids = [
      nm('three/build/three.core.js'),
      nm('three/build/three.module.js'),
      ...Array.from({ length: 40 }, (_, i) => nm(`@react-three/drei/core/m${i}.js`)),
      ...Array.from({ length: 30 }, (_, i) => nm(`@react-three/fiber/dist/f${i}.js`)),
      nm('troika-three-text/dist/troika.js'),
      '/repo/src/sdk/text/label-3d.tsx',
    ]
    expect(vendorChunkName(ids)).toBe('vendor-three-r3f-drei')
  })

  it('keeps the name of a chunk that is mostly our own code', () => {
    expect(vendorChunkName(['/repo/src/a.ts', '/repo/src/b.ts', '/repo/src/c.ts', nm('zustand/esm/vanilla.mjs')])).toBeUndefined()
    expect(vendorChunkName(['/repo/src/core/passport-code.ts'])).toBeUndefined()
  })

  it('names unknown packages by their npm name, scoped ones without @ and /', () => {
    expect(vendorChunkName([nm('jsqr/dist/jsQR.js'), nm('@scope/pkg/x.js')])).toBe('vendor-jsqr-scope-pkg')
  })

  it('finds the innermost package of a nested node_modules path (Windows separators too)', () => {
    expect(packageOf('C:\\repo\\node_modules\\a\\node_modules\\@x\\y\\index.js')).toBe('@x/y')
    expect(packageOf('/repo/src/app/main.tsx')).toBeNull()
  })
})
