/**
 * The one cheap light for what moves (printer, print, models on the shelf): a hemisphere light
 * and a key light from the same direction as the bake's (lab.bake.ts); the lab itself is baked.
 */
export function Lights() {
  return (
    <>
      <hemisphereLight args={['#ffffff', '#8a7a66', 1.2]} />
      <directionalLight position={[0.8, 3, 1.5]} intensity={1.8} />
    </>
  )
}
