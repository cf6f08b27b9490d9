/** A round red seal (印章) with one glyph: the passport stamp of an exhibit. */
export function Seal(props: { glyph: string; color: string; earned: boolean; size?: number; label: string }) {
  const size = props.size ?? 64
  return (
    <span
      className={`seal${props.earned ? ' seal--earned' : ''}`}
      role="img"
      aria-label={props.label}
      style={{
        width: size,
        height: size,
        fontSize: size * 0.5,
        color: props.earned ? props.color : undefined,
        borderColor: props.earned ? props.color : undefined,
      }}
    >
      {props.glyph}
    </span>
  )
}
