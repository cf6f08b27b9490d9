import { describe, expect, it } from 'vitest'
import { analyseMandarin, mandarinProblems } from '../phoneme-check.ts'

// Real `-q -x` output of espeak-ng 1.51 for "火警电话119。": the retired `-v cmn` pipeline
// reading the Hanzi, and `-v cmn-latn-pinyin` reading our pinyin.
const OLD = "(en)hj,u:55@55Tr'i:55_| dZI55NTr'i:55_| daI55;'a55nf'o@55_| hj,u:55a#55f'o@55(cmn)_| j,i55pai21_|_| s.i.35_|tS;'iou214_|\n"
const NEW = "X'uo35_| tS;'iN21_| t'iE51n_| Xw'A51_| j'Au55_| j'Au55_| tS;'iou214_|\n"

describe('Mandarin phoneme stream', () => {
  it('passes pinyin read as Mandarin: one tone per syllable, no switch', () => {
    expect(analyseMandarin(NEW)).toEqual({ switches: [], tones: 7, toneless: [] })
    expect(mandarinProblems(NEW, 7)).toEqual([])
  })

  it('fails the old cmn reading: it switches to English', () => {
    const problems = mandarinProblems(OLD, 7)
    expect(problems.join('\n')).toMatch(/switches language \(en\) \(cmn\)/)
    expect(problems.join('\n')).toMatch(/15 toned syllables for 7/)
  })

  it('fails any other language switch, a dropped syllable and a toneless one', () => {
    expect(mandarinProblems("(fr)b'o~_| (cmn)n'i35_|", 2)[0]).toMatch(/\(fr\)/)
    expect(mandarinProblems("n'i35_| X'Au214_|", 3)).toEqual(['2 toned syllables for 3 characters/letters said'])
    expect(mandarinProblems("n'i35_| p_| X'Au214_|", 3)).toEqual(['syllables without a tone: p', '2 toned syllables for 3 characters/letters said'])
  })
})
