/**
 * The 30 things to sort, in play order, with their bin (GB/T 19095-2019 categories) and how
 * the scene draws them. Pure data: steps.ts builds the steps from it, the scene the models.
 * Names and reasons live in the locale files (`item.<key>`, `feedback.<key>-<bin>`).
 */
export const BINS = ['recyclable', 'hazardous', 'food', 'residual'] as const
export type Bin = (typeof BINS)[number]

/** Low-poly archetypes the scene can build (see scene/item-models.ts). */
export type Shape =
  | 'bottle'
  | 'can'
  | 'carton'
  | 'box'
  | 'peel'
  | 'bone'
  | 'battery'
  | 'button'
  | 'tube'
  | 'thermometer'
  | 'paper'
  | 'crumple'
  | 'book'
  | 'shirt'
  | 'bowl'
  | 'pile'
  | 'shell'
  | 'fishbone'
  | 'butt'
  | 'pills'
  | 'paint'
  | 'bag'
  | 'mask'
  | 'meal'
  | 'diaper'

export interface Item {
  /** kebab id: the step is `item-<key>`, its choices `<key>-<bin>` */
  key: string
  bin: Bin
  shape: Shape
  /** main and accent colours (#rrggbb); shapes decide where each goes */
  colors: readonly [string, string]
  /** size multiplier on the archetype (1 = default) */
  size?: number
}

const item = (key: string, bin: Bin, shape: Shape, a: string, b: string, size?: number): Item =>
  size === undefined ? { key, bin, shape, colors: [a, b] } : { key, bin, shape, colors: [a, b], size }

export const ITEMS: readonly Item[] = [
  item('plastic-bottle', 'recyclable', 'bottle', '#8fd3f4', '#1e88e5'),
  item('fruit-peel', 'food', 'peel', '#f2d23c', '#6b4f1d'),
  item('newspaper', 'recyclable', 'paper', '#e9e6dc', '#555555'),
  item('used-tissue', 'residual', 'crumple', '#f6f6f2', '#d9d9d0'),
  item('expired-medicine', 'hazardous', 'pills', '#c7ccd1', '#e35d5d'),
  item('eggshell', 'food', 'shell', '#f3e2c7', '#fffaf0'),
  item('metal-can', 'recyclable', 'can', '#d32f2f', '#cfd8dc'),
  item('cigarette-butt', 'residual', 'butt', '#f5f5f0', '#d9913a', 2.2),
  item('milk-carton', 'recyclable', 'carton', '#f4f7fb', '#2b7bd6'),
  item('tea-leaves', 'food', 'pile', '#5a6b2e', '#3f4a20'),
  item('rechargeable-battery', 'hazardous', 'battery', '#2e7d32', '#cfd8dc'),
  item('ceramic-bowl', 'residual', 'bowl', '#f0efe8', '#3b6fb6'),
  item('glass-bottle', 'recyclable', 'bottle', '#3f8f4f', '#c8a951', 1.15),
  item('fish-bone', 'food', 'fishbone', '#eeeadf', '#c9c2b0'),
  item('big-bone', 'residual', 'bone', '#efe6cf', '#d8cba8', 1.15),
  item('fluorescent-tube', 'hazardous', 'tube', '#f7f9fb', '#9aa3ab'),
  item('old-clothes', 'recyclable', 'shirt', '#e57373', '#ffffff'),
  item('diaper', 'residual', 'diaper', '#ffffff', '#8ecae6'),
  item('nut-shells', 'food', 'pile', '#c8a46a', '#8a6a3a', 0.8),
  item('paint-can', 'hazardous', 'paint', '#b0bec5', '#f9a825'),
  item('greasy-takeaway-box', 'residual', 'box', '#f1efe6', '#c98a2b', 0.85),
  item('cardboard-box', 'recyclable', 'box', '#c49a6c', '#e8d8b0', 1.2),
  item('leftover-food', 'food', 'meal', '#ffffff', '#f1e7c8'),
  item('button-battery', 'hazardous', 'button', '#cfd8dc', '#90a4ae', 1.6),
  item('dust', 'residual', 'pile', '#8d8a84', '#6d6a64'),
  item('chicken-bone', 'food', 'bone', '#efe3c4', '#d4c29a', 0.6),
  item('thermometer', 'hazardous', 'thermometer', '#f4f8fb', '#b0bec5', 2.3),
  item('used-mask', 'residual', 'mask', '#a9d8f0', '#ffffff'),
  item('old-book', 'recyclable', 'book', '#3f6fb5', '#f4f1e6'),
  item('snack-bag', 'residual', 'bag', '#f2b705', '#d84315', 0.9),
]

/** The official colour of each bin (GB/T 19095-2019: blue, red, green, grey). */
export const BIN_COLORS: Record<Bin, string> = {
  recyclable: '#1a5fb4',
  hazardous: '#d0242b',
  food: '#2a7d38',
  residual: '#5f6a72',
}

export const stepIdOf = (key: string): string => `item-${key}`
export const choiceIdOf = (key: string, bin: Bin): string => `${key}-${bin}`
