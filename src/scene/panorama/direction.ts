import { Vector3 } from 'three'

const rad = (d: number) => (d * Math.PI) / 180
const deg = (r: number) => (r * 180) / Math.PI

/**
 * The panorama convention, shared by the scene, the preview's pointer read-out and the sample
 * generator (scripts/make-sample-panorama.ts): yaw 0 is straight ahead (-z, where the stage
 * camera looks), + to the right; pitch 0 is the horizon, + up. An equirectangular image's
 * centre column is yaw 0, its left edge -180 and right edge +180.
 */
export function direction(yaw: number, pitch: number, out = new Vector3()): Vector3 {
  return out.set(Math.sin(rad(yaw)) * Math.cos(rad(pitch)), Math.sin(rad(pitch)), -Math.cos(rad(yaw)) * Math.cos(rad(pitch)))
}

/** Yaw and pitch in whole degrees of a direction (need not be normalised). */
export function yawPitch(d: { x: number; y: number; z: number }): { yaw: number; pitch: number } {
  const len = Math.hypot(d.x, d.y, d.z) || 1
  const yaw = Math.round(deg(Math.atan2(d.x, -d.z)))
  return { yaw: yaw === -180 ? 180 : yaw, pitch: Math.round(deg(Math.asin(d.y / len))) }
}

/** Where the viewer's eyes are: the stage camera's place (src/scene/stage.tsx). */
export const EYE_HEIGHT = 1.6
/** Hotspots float this far from the eye, in front of the picture (metres). */
export const HOTSPOT_DISTANCE = 4
/** The panorama sphere's radius and an ordinary photo's distance (metres). */
export const SPHERE_RADIUS = 10
export const PHOTO_DISTANCE = 6
