import profile from 'virtual:sophora-center'
import { variantValue } from '../core/center-profile.ts'

/**
 * A local rule of the center this build is for (centers/<id>.json, `variants.<exhibitId>.<key>`):
 * the plain-string value, or undefined when the center keeps the exhibit's default. Plain
 * function, so it works in data modules (steps, quiz) as well as in a Scene. Texts that vary
 * by center need no call: the platform lays them over the exhibit's locale keys, so `ctx.t`
 * already returns the local wording.
 */
export function centerVariant(exhibitId: string, key: string): string | undefined {
  return variantValue(profile, exhibitId, key)
}
