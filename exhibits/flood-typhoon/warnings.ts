/**
 * China's rainstorm and typhoon warning signals (暴雨/台风预警信号, 中国气象局令第16号) come in
 * four colours; other signals (thunder, heat...) may have fewer. Pure data, ordered from the mildest to the most serious: the scene's sign
 * board, the feedback texts and the tests all read this one list.
 */
export interface WarningLevel {
  id: 'blue' | 'yellow' | 'orange' | 'red'
  /** 1 = mildest .. 4 = most serious */
  severity: 1 | 2 | 3 | 4
  /** the official grade: IV (一般) .. I (特别严重) */
  grade: 'IV' | 'III' | 'II' | 'I'
  colour: string
  /** letters on a panel of `colour` (dark on yellow and orange, white on blue and red: ≥ 4.5:1) */
  ink: string
  /** the colour as text on a dark screen (lighter where `colour` itself is too dark there) */
  onDark: string
  /** locale keys: the colour's name and, simplified for children, what the typhoon signal of that colour asks of you */
  name: `warning.${WarningLevel['id']}`
  action: `warning.${WarningLevel['id']}.action`
}

const level = (
  id: WarningLevel['id'],
  severity: WarningLevel['severity'],
  grade: WarningLevel['grade'],
  colour: string,
  ink: string,
  onDark: string,
): WarningLevel => ({
  id,
  severity,
  grade,
  colour,
  ink,
  onDark,
  name: `warning.${id}`,
  action: `warning.${id}.action`,
})

export const WARNING_LEVELS: readonly WarningLevel[] = [
  level('blue', 1, 'IV', '#1f6fe0', '#ffffff', '#6ea8ff'),
  level('yellow', 2, 'III', '#f5c400', '#222222', '#f5c400'),
  level('orange', 3, 'II', '#f27a10', '#222222', '#f27a10'),
  level('red', 4, 'I', '#d8231b', '#ffffff', '#ff7a70'),
]

/** The warnings in force during the story: kind (rain/typhoon) and colour. */
export const ACTIVE_WARNINGS = ['rain-blue', 'rain-yellow', 'rain-orange', 'typhoon-orange', 'typhoon-red'] as const
export type ActiveWarning = (typeof ACTIVE_WARNINGS)[number]

/** The active warning's own advice (locale key): rainstorm and typhoon guidance differ per colour. */
export const actionOf = (w: ActiveWarning): `scene.action.${ActiveWarning}` => `scene.action.${w}`

export function levelOf(w: ActiveWarning): WarningLevel {
  const id = w.split('-')[1] as WarningLevel['id']
  return WARNING_LEVELS.find((l) => l.id === id)!
}
