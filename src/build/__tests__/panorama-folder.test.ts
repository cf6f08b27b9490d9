/**
 * A panorama folder's build checks: the scaffold passes; a bad hotspot, a missing image and a
 * wrong aspect each fail `vite build` with a message naming folder, file and field (and line).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createExhibit } from '../../../scripts/new-exhibit.ts'
import { formatProblem } from '../../core/validate.ts'
import { validateExhibitDir } from '../exhibit-folders.ts'
import { exhibitsPlugin } from '../exhibits-plugin.ts'
import { imageSize } from '../image-size.ts'
import { panoramaModuleCode } from '../panorama-modules.ts'

const tmp = mkdtempSync(join(tmpdir(), 'sophora-pano-'))
const ID = 'pano-check'
const base = join(tmp, ID)
const yaml = () => readFileSync(join(base, 'scenes.yaml'), 'utf8')
let original = ''
beforeAll(() => {
  createExhibit({ id: ID, kind: 'panorama', dir: tmp, audio: false, log: () => {} })
  original = yaml()
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

/** The folder's problems as the build prints them, after replacing `from` with `to` in scenes.yaml. */
function problemsWith(from: string | RegExp, to: string): string[] {
  const changed = original.replace(from, to)
  expect(changed, `the template has ${String(from)}`).not.toBe(original)
  writeFileSync(join(base, 'scenes.yaml'), changed)
  try {
    return validateExhibitDir(tmp).map(formatProblem)
  } finally {
    writeFileSync(join(base, 'scenes.yaml'), original)
  }
}

/** What `vite build` says on buildStart for the folder as it is now (undefined: it builds). */
function buildError(): string | undefined {
  const plugin = exhibitsPlugin({ dirs: [tmp] })
  ;(plugin.configResolved as (c: unknown) => void)({ root: tmp, command: 'build' })
  try {
    ;(plugin.buildStart as (this: unknown) => void).call({
      error: (m: string) => {
        throw new Error(m)
      },
      warn: () => {},
    })
    return undefined
  } catch (e) {
    return (e as Error).message
  }
}

describe('panorama folder checks', () => {
  it('passes as scaffolded: 2:1 sample images, every key and hotspot in place, no code', () => {
    expect(validateExhibitDir(tmp).map(formatProblem)).toEqual([])
    expect(buildError()).toBeUndefined()
    expect(imageSize(join(base, 'images/room.jpg'))).toEqual({ width: 2048, height: 1024, format: 'jpeg' })
  })

  it('names folder, file, place and line for a bad hotspot, and the build fails on it', () => {
    const p = problemsWith('{ choose: touch-ball, yaw: 25, pitch: -9 }', '{ choose: touch-ball, yaw: 250, pitch: -9 }')
    expect(p).toEqual([
      `exhibits/${ID}/scenes.yaml: field "scenes → 1st → hotspots → 4th → yaw (line ${lineOf('touch-ball, yaw')})": yaw (left/right) must be between -180 and 180 degrees`,
    ])
    writeFileSync(join(base, 'scenes.yaml'), original.replace('goto: yard,', 'goto: garden,'))
    try {
      expect(buildError()).toContain(
        `exhibits/${ID}/scenes.yaml: field "scenes → 1st → hotspots → 2nd → goto (line ${lineOf('goto: yard')})": there is no scene "garden"`,
      )
    } finally {
      writeFileSync(join(base, 'scenes.yaml'), original)
    }
  })

  it('names a misspelt name and a choice hotspot that no step has', () => {
    expect(problemsWith('{ info: sign, narration: sign,', '{ info: sign, naration: sign,').join('\n')).toMatch(
      /scenes\.yaml: field "scenes → 1st → hotspots → 1st \(line \d+\)": "naration" is not a name this file knows here/,
    )
    expect(problemsWith('choose: look-green', 'choose: look-red').join('\n')).toMatch(
      /hotspots → 3rd → choose \(line \d+\)": "look-red" is not a choice of any step/,
    )
  })

  it('names a missing image', () => {
    expect(problemsWith('images/yard.jpg', 'images/garden.jpg')).toEqual([
      `exhibits/${ID}/scenes.yaml: field "scenes → 2nd → image (line ${lineOf('images/yard.jpg')})": the image images/garden.jpg is not in the folder (put the file at exhibits/${ID}/images/garden.jpg)`,
    ])
  })

  it('names an image that is not 2:1, and accepts it as an ordinary photo', async () => {
    await sharp(join(base, 'images/yard.jpg')).resize(1200, 900, { fit: 'fill' }).toFile(join(base, 'images/yard-4x3.jpg'))
    const p = problemsWith('image: images/yard.jpg', 'image: images/yard-4x3.jpg')
    expect(p).toHaveLength(1)
    expect(p[0]).toMatch(new RegExp(`^exhibits/${ID}/images/yard-4x3\\.jpg: is 1200×900 pixels, but a 360° panorama is exactly twice as wide as high`))
    expect(p[0]).toContain('(used in scenes.yaml at scenes → 2nd → image (line')
    expect(problemsWith('image: images/yard.jpg', 'photo: images/yard-4x3.jpg')).toEqual([])
    rmSync(join(base, 'images/yard-4x3.jpg'))
  })

  it('refuses code in a panorama folder and an unreadable scenes file', () => {
    copyFileSync(join(base, 'manifest.json'), join(base, 'index.ts'))
    try {
      expect(validateExhibitDir(tmp).map(formatProblem)).toEqual([
        `exhibits/${ID}/index.ts: a panorama exhibit has no code: delete index.ts, or remove "kind": "panorama" from manifest.json`,
      ])
    } finally {
      rmSync(join(base, 'index.ts'))
    }
    expect(problemsWith(/^start: room$/m, 'start: [room')[0]).toMatch(new RegExp(`^exhibits/${ID}/scenes.yaml: field "line \\d+": cannot be read`))
  })
})

describe('panorama module', () => {
  it('scales down and compresses a picture over 4096×2048 in a build, leaving the file alone, and inlines the data', async () => {
    // just over the limit, and a JPEG: a big PNG alone takes seconds to write on this machine
    await sharp(join(base, 'images/yard.jpg')).resize(4200, 2100).jpeg({ quality: 60 }).toFile(join(base, 'images/huge.jpg'))
    writeFileSync(join(base, 'scenes.yaml'), original.replace('images/yard.jpg', 'images/huge.jpg'))
    const emitted: { name: string; source: Buffer }[] = []
    const warnings: string[] = []
    const ctx = {
      warn: (m: string) => warnings.push(m),
      addWatchFile: () => {},
      emitFile: (f: { name: string; source: Buffer }) => {
        emitted.push(f)
        return 'REF1'
      },
    }
    try {
      const code = await panoramaModuleCode(ctx as never, base, true)
      expect(emitted).toHaveLength(1)
      expect(emitted[0]!.name).toBe(`${ID}-huge.jpg`)
      expect(await sharp(emitted[0]!.source).metadata()).toMatchObject({ format: 'jpeg', width: 4096, height: 2048 })
      expect(warnings.join('\n')).toMatch(new RegExp(`exhibits/${ID}/images/huge.jpg: 4200×2100, \\d+ KB → 4096×2048, \\d+ KB \\(scaled down`))
      expect(imageSize(join(base, 'images/huge.jpg'))).toMatchObject({ width: 4200, height: 2100 })
      expect(code).toContain('import.meta.ROLLUP_FILE_URL_REF1')
      expect(code).toContain('"images/huge.jpg": { url: img1, width: 4096, height: 2048 }')
      expect(code).toMatch(/import img0 from ".*\/images\/room\.jpg\?url"/)
    } finally {
      writeFileSync(join(base, 'scenes.yaml'), original)
      rmSync(join(base, 'images/huge.jpg'))
    }
  })
})

/** The 1-based line of scenes.yaml where `text` first occurs. */
function lineOf(text: string): number {
  return original.split('\n').findIndex((l) => l.includes(text)) + 1
}
