/** The flat camera's field of view, as a headset user's eye level view was authored for (vertical, degrees). */
export const BASE_FOV = 70
/** Exhibits are laid out for a view at least this wide for its height (16:9, a kiosk or desktop window). */
export const BASE_ASPECT = 16 / 9
const MAX_FOV = 90

/**
 * The vertical field of view for a flat canvas of this aspect. The run panel sits beside the view
 * (not over it), so the canvas is narrower than the window; keeping 70° would crop the sides of
 * the room, where authors put things to look at. Below 16:9 the view widens until it spans as
 * far left and right as a 16:9 one, up to 90° (beyond that a portrait phone would be a fisheye).
 */
export function flatFov(aspect: number): number {
  if (!(aspect > 0) || aspect >= BASE_ASPECT) return BASE_FOV
  const half = Math.atan((Math.tan(((BASE_FOV / 2) * Math.PI) / 180) * BASE_ASPECT) / aspect)
  return Math.min(MAX_FOV, (2 * half * 180) / Math.PI)
}
