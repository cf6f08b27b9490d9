import { boxPart, type Part, type Vec3 } from '@sophora/sdk'

/** The SDK's boxPart with positional arguments: the item models are made of dozens of small boxes. */
export const box = (size: Vec3, at: Vec3, color: string): Part => boxPart({ size, at, color })
