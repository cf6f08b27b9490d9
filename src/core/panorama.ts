import { z } from 'zod'
import type { Choice, QuizItem, StepDef } from './exhibit-kit.ts'
import type { Manifest } from './manifest-schema.ts'

// the same rule as every exhibit id (manifest-schema.ts), said in plain words
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * The no-code exhibit kind: a folder with manifest.json ("kind": "panorama"), scenes.yaml,
 * locales/, sources.md and images, and no code. scenes.yaml is parsed at build time (src/build);
 * this file holds what both the build and the browser need: the schema, with messages written
 * for staff who do not program, and the steps and quiz it stands for.
 */
export const PANORAMA_FILE = 'scenes.yaml'
/** Largest image the build keeps as it is; bigger ones are scaled down (src/build/panorama-images.ts). */
export const PANORAMA_MAX = { width: 4096, height: 2048 } as const
/** A 360° panorama is twice as wide as high; phones and 360 cameras save exactly that. */
export const PANORAMA_ASPECT_TOLERANCE = 0.01

const id = (what: string) =>
  z
    .string({ error: `${what} must be a short name such as "door-left"` })
    .regex(KEBAB, `${what} must be a short name of small letters a-z, digits and single "-" between words, such as "door-left"`)
const degrees = (what: string, max: number) =>
  z
    .number({ error: `${what} must be a number of degrees` })
    .min(-max, `${what} must be between -${max} and ${max} degrees`)
    .max(max, `${what} must be between -${max} and ${max} degrees`)
const imagePath = z
  .string({ error: 'must be the path of an image in this folder, e.g. images/hall.jpg' })
  .regex(/^images\/[A-Za-z0-9_.-]+\.(jpe?g|png)$/i, 'must be a .jpg or .png file inside the images/ folder, e.g. images/hall.jpg')

const where = {
  /** degrees left (-) or right (+) of straight ahead */
  yaw: degrees('yaw (left/right)', 180),
  /** degrees below (-) or above (+) the horizon */
  pitch: degrees('pitch (up/down)', 85),
}

/** A hotspot does exactly one thing: shows a text, goes to a scene, or makes a step's choice. */
export const HotspotSchema = z.union(
  [
    z.object({ info: id('info'), narration: id('narration').optional(), ...where }).strict(),
    z.object({ goto: id('goto'), ...where }).strict(),
    z.object({ choose: id('choose'), ...where }).strict(),
  ],
  { error: 'a hotspot needs yaw and pitch and exactly one of info, goto or choose (and nothing else; narration only with info)' },
)
export type Hotspot = z.infer<typeof HotspotSchema>

export const PanoramaSceneSchema = z
  .object({
    id: id('the scene id'),
    image: imagePath.optional(),
    photo: imagePath.optional(),
    hotspots: z.array(HotspotSchema).default([]),
  })
  .strict()
  .refine((s) => !!s.image !== !!s.photo, { message: 'give either image (a 360° panorama) or photo (an ordinary photo), one of them', path: ['image'] })
export type PanoramaScene = z.infer<typeof PanoramaSceneSchema>

const ChoicesSchema = z
  .object({
    id: id('the id'),
    choices: z.array(id('a choice')).min(2, 'give at least 2 choices').max(4, 'give at most 4 choices'),
    right: id('right'),
  })
  .strict()
  .refine((x) => x.choices.includes(x.right), { message: 'the right answer must be one of the choices', path: ['right'] })
  .refine((x) => new Set(x.choices).size === x.choices.length, { message: 'each choice may be listed only once', path: ['choices'] })

export const PanoramaDataSchema = z
  .object({
    start: id('start').optional(),
    scenes: z.array(PanoramaSceneSchema).min(1, 'give at least one scene'),
    steps: z.array(ChoicesSchema).min(1, 'give at least one step'),
    quiz: z.array(ChoicesSchema).min(1, 'give at least one quiz question'),
  })
  .strict()
export type PanoramaData = z.infer<typeof PanoramaDataSchema>

/** One image as the build found it: its size in pixels. */
export interface PanoramaImage {
  url: string
  width: number
  height: number
}

const choice = (cid: string, right: string): Choice => ({ id: cid, label: `choice.${cid}`, correct: cid === right, feedback: `feedback.${cid}` })

/** The steps and quiz a scenes file stands for, with the same locale-key convention as the code template. */
export function panoramaSpec(data: PanoramaData, narration: readonly string[]): { steps: StepDef[]; quiz: QuizItem[] } {
  return {
    steps: data.steps.map((s) => ({
      id: s.id,
      prompt: `step.${s.id}.prompt`,
      ...(narration.includes(s.id) ? { cue: s.id } : {}),
      choices: s.choices.map((c) => choice(c, s.right)),
    })),
    quiz: data.quiz.map((q) => ({
      id: q.id,
      question: `quiz.${q.id}.question`,
      choices: q.choices.map((c) => choice(c, q.right)),
      explanation: `quiz.${q.id}.explanation`,
    })),
  }
}

/** The step whose choices include `choiceId`. */
export const stepOfChoice = (data: PanoramaData, choiceId: string) => data.steps.find((s) => s.choices.includes(choiceId))?.id

/** A mistake in scenes.yaml that the schema alone cannot see; `path` is where it is in the file. */
export interface PanoramaIssue {
  path: (string | number)[]
  message: string
}

/** Cross-checks of a valid scenes file against the manifest and the locale keys (every language's). */
export function panoramaIssues(data: PanoramaData, manifest: Manifest, localeKeys: ReadonlySet<string> | null): PanoramaIssue[] {
  const out: PanoramaIssue[] = []
  const sceneIds = data.scenes.map((s) => s.id)
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i])
  if (
    !same(
      data.steps.map((s) => s.id),
      manifest.steps,
    )
  )
    out.push({ path: ['steps'], message: `the step ids must be the manifest's "steps" in the same order: ${manifest.steps.join(', ')}` })
  if (
    !same(
      data.quiz.map((q) => q.id),
      manifest.quiz.items,
    )
  )
    out.push({ path: ['quiz'], message: `the quiz ids must be the manifest's "quiz.items" in the same order: ${manifest.quiz.items.join(', ')}` })
  if (data.start && !sceneIds.includes(data.start)) out.push({ path: ['start'], message: `there is no scene "${data.start}" (scenes: ${sceneIds.join(', ')})` })
  data.scenes.forEach((s, i) => {
    if (sceneIds.indexOf(s.id) !== i) out.push({ path: ['scenes', i, 'id'], message: `another scene is already called "${s.id}"` })
  })
  const all = [...data.steps, ...data.quiz].flatMap((x) => x.choices)
  all.forEach((c, i) => {
    if (all.indexOf(c) !== i) out.push({ path: ['steps'], message: `the choice "${c}" is used twice: every choice needs its own name` })
  })
  const need = (path: (string | number)[], key: string, what: string) => {
    if (localeKeys && !localeKeys.has(key)) out.push({ path, message: `${what}: add "${key}" to both locales/zh-CN.json and locales/en.json` })
  }
  data.scenes.forEach((s, i) => {
    need(['scenes', i, 'id'], `scene.${s.id}`, 'the scene has no name')
    s.hotspots.forEach((h, j) => {
      const at = ['scenes', i, 'hotspots', j]
      if ('goto' in h && !sceneIds.includes(h.goto))
        out.push({ path: [...at, 'goto'], message: `there is no scene "${h.goto}" (scenes: ${sceneIds.join(', ')})` })
      if ('goto' in h && h.goto === s.id) out.push({ path: [...at, 'goto'], message: 'a hotspot cannot go to the scene it is in' })
      if ('choose' in h && !stepOfChoice(data, h.choose))
        out.push({
          path: [...at, 'choose'],
          message: `"${h.choose}" is not a choice of any step (steps' choices: ${data.steps.flatMap((x) => x.choices).join(', ')})`,
        })
      if ('info' in h) need([...at, 'info'], `info.${h.info}`, 'the info hotspot has no text')
      if ('info' in h && h.narration && !manifest.narration.includes(h.narration))
        out.push({ path: [...at, 'narration'], message: `"${h.narration}" is not in the manifest's "narration" list` })
    })
  })
  data.steps.forEach((s, i) => {
    need(['steps', i, 'id'], `step.${s.id}.prompt`, 'the step has no question')
    s.choices.forEach((c, j) => {
      need(['steps', i, 'choices', j], `choice.${c}`, 'the choice has no label')
      need(['steps', i, 'choices', j], `feedback.${c}`, 'the choice has no feedback')
    })
  })
  data.quiz.forEach((q, i) => {
    need(['quiz', i, 'id'], `quiz.${q.id}.question`, 'the question has no text')
    need(['quiz', i, 'id'], `quiz.${q.id}.explanation`, 'the question has no explanation')
    q.choices.forEach((c, j) => {
      need(['quiz', i, 'choices', j], `choice.${c}`, 'the answer has no label')
      need(['quiz', i, 'choices', j], `feedback.${c}`, 'the answer has no feedback')
    })
  })
  return out
}
