/** Soft, even light for a bright indoor hall; both lights stay mounted (no recompiles). */
export function Lights() {
  return (
    <>
      <hemisphereLight args={['#ffffff', '#b9b2a3', 1.6]} />
      <directionalLight position={[1.5, 4, 2]} intensity={1.6} />
    </>
  )
}
