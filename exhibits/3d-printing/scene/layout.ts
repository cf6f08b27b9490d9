/**
 * Where things stand, in metres. The viewer's eyes are at (0, 1.6, 0) looking down -Z (the
 * platform's rig for flat and VR); the floor is y = 0. The print itself is modelled in
 * millimetres and shown at PRINT_SCALE: a 40 mm model becomes 14 cm, easy to see at arm's length.
 */
export const BENCH_TOP = 0.95
export const PRINTER = { x: 0.04, z: -0.92 }
/** top of the build plate */
export const PLATE_Y = 1.035
export const PRINT_SCALE = 0.0035
/** half width/depth of the frame (between post centres) */
export const FRAME = { hw: 0.2, hd: 0.17, top: 1.47 }
export const SPOOL = { x: PRINTER.x + 0.3, y: 1.3, z: PRINTER.z, r: 0.085, w: 0.06 }
/** shelf of models, left of the printer */
export const SHELF = { x: -0.5, y: BENCH_TOP + 0.04, z: -0.8, gap: 0.14 }
export const PREVIEW_SCALE = 0.003
/** where the nozzle waits, in print millimetres */
export const PARK_MM = { x: 0, y: 62, z: -10 }

export const COLORS = {
  floor: '#c9c2b6',
  wall: '#e8eef2',
  bench: '#b98b5e',
  benchLeg: '#6d5138',
  frame: '#3a4552',
  base: '#2c333b',
  plate: '#20262c',
  shelf: '#d9b48a',
  accent: '#1f7a8c',
  model: '#ff8a3d',
  infill: '#ffb27a',
  support: '#f3ead9',
  spool: '#f0f0f0',
  filament: '#ff8a3d',
  head: '#e6e9ec',
  heater: '#b8bec6',
} as const
