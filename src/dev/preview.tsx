/** Placeholder until the authoring preview lands. */
export default function DevPreview(props: { id: string }) {
  return <p>Preview of {props.id} is not built yet.</p>
}
