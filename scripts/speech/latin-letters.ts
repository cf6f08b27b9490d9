/**
 * Latin letters inside Chinese narration (3D, VR, PM2.5) as Chinese speakers say the letter names,
 * in pinyin syllables the Mandarin voice accepts, so no letter ever switches the voice to English.
 */
export const LETTER_PINYIN: Readonly<Record<string, string>> = {
  A: 'ei1',
  B: 'bi4',
  C: 'xi1',
  D: 'di4',
  E: 'yi4',
  F: 'ai2 fu5',
  G: 'ji4',
  H: 'ei1 qi1',
  I: 'ai4',
  J: 'zhei4',
  K: 'kai4',
  L: 'ai2 le5',
  M: 'ai2 mu5',
  N: 'en1',
  O: 'ou1',
  P: 'pi4',
  Q: 'qiu1',
  R: 'a4 er5',
  S: 'ai2 si5',
  T: 'ti4',
  U: 'you1',
  V: 'wei1',
  W: 'da2 bu5 liu5',
  X: 'ai2 ke4 si5',
  Y: 'wai4',
  Z: 'zei4',
}

/** Spell a run of Latin letters letter by letter ("VR" -> wei1 a4 er5). */
export function spellLetters(run: string): string[] {
  return [...run.toUpperCase()].flatMap((c) => LETTER_PINYIN[c]?.split(' ') ?? [])
}
