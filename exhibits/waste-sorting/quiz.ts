import { choice, quizItem, type QuizItem } from '@sophora/sdk'

/**
 * A quiz choice: label `choice.<id>`. The platform shows the item's explanation after any
 * answer, so each choice's feedback points at that explanation.
 */
function item(id: string, choices: Array<[string, boolean?]>): QuizItem {
  return quizItem(
    id,
    choices.map(([cid, correct]) => choice(cid, correct, { feedback: `quiz.${id}.explanation` })),
  )
}

/**
 * The colours, why we sort, what happens to each category, what the green bin (whatever a
 * city calls it) is for, and the tricky items.
 * Choice ids start with `q-` so they never clash with step choices.
 */
export const quiz: QuizItem[] = [
  item('colours', [['q-red-recyclable'], ['q-red-hazardous', true], ['q-red-food'], ['q-red-residual']]),
  item('why-sort', [['q-why-resources', true], ['q-why-tidy'], ['q-why-vanish']]),
  item('food-fate', [['q-food-bottles'], ['q-food-compost', true], ['q-food-river']]),
  item('hazardous-fate', [['q-hazard-money'], ['q-hazard-burn'], ['q-hazard-safe', true]]),
  item('residual-fate', [['q-residual-recycle'], ['q-residual-burn', true], ['q-residual-compost']]),
  item('green-bin', [['q-green-wet'], ['q-green-perishable', true], ['q-green-kitchen-all']]),
  item('bones', [['q-bones-food'], ['q-bones-split', true], ['q-bones-hazardous']]),
  item('battery', [['q-battery-red', true], ['q-battery-grey'], ['q-battery-soil']]),
]
