import { choice, quizItem, type QuizItem } from '@sophora/sdk'

/**
 * One idea per item, each against a common misconception (a printer "prints the whole
 * thing at once", supports are decoration, thinner layers are faster, PLA is oil plastic,
 * models are solid inside, a finished print is safe to grab, supports are the only fix, a
 * running printer can be left alone). Choice ids start with `q-`.
 */
export const quiz: QuizItem[] = [
  quizItem('slicing', [choice('q-slice-paint'), choice('q-slice-layers', true), choice('q-slice-knife')]),
  quizItem('why-supports', [choice('q-supports-decor'), choice('q-supports-heavy'), choice('q-supports-air', true)]),
  quizItem('layer-height', [choice('q-thin-fine-slow', true), choice('q-thin-rough-fast'), choice('q-thin-same')]),
  quizItem('pla', [choice('q-pla-oil-only'), choice('q-pla-plants', true), choice('q-pla-glass')]),
  quizItem('infill', [choice('q-infill-solid'), choice('q-infill-water'), choice('q-infill-grid', true)]),
  quizItem('hot-nozzle', [choice('q-touch-test'), choice('q-wait-cool', true), choice('q-blow-grab')]),
  quizItem('additive', [choice('q-add-layers', true), choice('q-carve-block'), choice('q-pour-mould')]),
  quizItem('orientation', [choice('q-same-faster'), choice('q-flip-t', true), choice('q-same-hotter')]),
  quizItem('printer-safety', [choice('q-reach-in'), choice('q-leave-overnight'), choice('q-safe-watch', true)]),
]
