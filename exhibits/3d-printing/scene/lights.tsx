/** A bright, even lab light: no shadows (they cost a draw per light per mesh). */
export function Lights() {
  return (
    <>
      <hemisphereLight args={['#ffffff', '#8a7a66', 1.2]} />
      <directionalLight position={[0.8, 3, 1.5]} intensity={1.8} />
      <directionalLight position={[-2, 1.5, 0.5]} intensity={0.5} />
    </>
  )
}
