import { describe, expect, it } from 'vitest'
import { mergeBoxes } from '@sophora/sdk'
import { rainSeeds, RAIN_COUNT } from '../scene/rain.tsx'
import { billboardPostParts, entranceParts, footbridgeParts, roomParts, stairParts, streetParts } from '../scene/shell-parts.ts'
import { stageOf } from '../scene/stage.ts'
import { panelH, panelX } from '../scene/warning-board.tsx'
import { steps } from '../steps.ts'
import { levelOf, WARNING_LEVELS } from '../warnings.ts'

const ids = steps.map((s) => s.id)
const upTo = (id: string) => ids.slice(0, ids.indexOf(id))
const at = (id: string, done = false) => stageOf('step', id, done, done ? [...upTo(id), id] : upTo(id))

describe('flood-typhoon stage', () => {
  it('plays the first five steps in the street and the rest at home', () => {
    expect(stageOf('intro', undefined, false, []).place).toBe('street')
    expect(ids.map((id) => at(id).place)).toEqual(['street', 'street', 'street', 'street', 'street', 'home', 'home'])
    expect(stageOf('quiz', undefined, false, ids).place).toBe('home')
    expect(stageOf('result', undefined, false, ids).place).toBe('home')
  })

  it('makes the storm grow: rain, wind and water never drop along the street', () => {
    const street = ids.slice(0, 5).map((id) => at(id))
    for (let i = 1; i < street.length; i++) {
      expect(street[i]!.rain).toBeGreaterThanOrEqual(street[i - 1]!.rain)
      expect(street[i]!.wind).toBeGreaterThanOrEqual(street[i - 1]!.wind)
      expect(street[i]!.water).toBeGreaterThan(street[i - 1]!.water)
    }
    expect(at('flooded-road').flowing).toBe(true)
    expect(at('heavy-rain-warning').flowing).toBe(false)
  })

  it('raises the warning level as the story goes on, ending with the typhoon red warning', () => {
    const sev = ids.map((id) => levelOf(at(id).warning).severity)
    for (let i = 1; i < sev.length; i++) expect(sev[i]!).toBeGreaterThanOrEqual(sev[i - 1]!)
    expect(at('heavy-rain-warning').warning).toBe('rain-yellow')
    expect(at('typhoon-eye').warning).toBe('typhoon-red')
  })

  it('shows the whirlpool from its step on and the fallen wire with sparks only in its step', () => {
    expect(at('flooded-road').whirlpool).toBe(false)
    expect(at('whirlpool').whirlpool).toBe(true)
    expect(at('power-line').whirlpool).toBe(true)
    expect(at('whirlpool').wireDown).toBe(false)
    expect(at('power-line')).toMatchObject({ wireDown: true, sparks: true })
    expect(at('water-at-home').sparks).toBe(false)
  })

  it('cuts the power once water-at-home is done, and goes upstairs for the eye', () => {
    expect(at('water-at-home')).toMatchObject({ powerCut: false, upstairs: false })
    expect(at('water-at-home').water).toBeGreaterThan(0)
    expect(at('water-at-home', true).powerCut).toBe(true)
    expect(at('typhoon-eye')).toMatchObject({ powerCut: true, upstairs: true, water: 0 })
  })

  it('goes calm and silent in the eye, and the storm is back for the quiz', () => {
    expect(at('typhoon-eye')).toMatchObject({ calm: true, wind: 0, rainVolume: 0 })
    expect(at('water-at-home').rainVolume).toBeGreaterThan(0)
    expect(stageOf('quiz', undefined, false, ids)).toMatchObject({ calm: false, highlight: null })
    expect(stageOf('quiz', undefined, false, ids).rainVolume).toBeGreaterThan(0)
  })

  it('hints the tappable object of the open step, and stops hinting once answered', () => {
    expect(ids.map((id) => at(id).highlight)).toEqual(['red-sign', 'home-door', 'footbridge', 'whirlpool', 'steps', 'switch', 'tv'])
    expect(at('whirlpool', true).highlight).toBeNull()
  })
})

describe('flood-typhoon board and rain', () => {
  it('draws the colour panels left to right and growing, mildest first', () => {
    const xs = WARNING_LEVELS.map((_, i) => panelX(i))
    const hs = WARNING_LEVELS.map((_, i) => panelH(i))
    for (let i = 1; i < xs.length; i++) {
      expect(xs[i]!).toBeGreaterThan(xs[i - 1]!)
      expect(hs[i]!).toBeGreaterThan(hs[i - 1]!)
    }
  })

  it('seeds the rain deterministically in front of the viewer', () => {
    const a = rainSeeds()
    expect(a).toHaveLength(RAIN_COUNT)
    expect(rainSeeds()).toEqual(a)
    for (const d of a) {
      expect(d.z).toBeLessThan(-1)
      expect(d.speed).toBeGreaterThan(0)
    }
  })
})

describe('flood-typhoon static geometry', () => {
  it('merges each shell into one small vertex-coloured geometry', () => {
    let total = 0
    for (const parts of [streetParts(), footbridgeParts(), entranceParts(), billboardPostParts(), roomParts(), stairParts()]) {
      const g = mergeBoxes(parts)
      expect(g.getAttribute('color').count).toBe(g.getAttribute('position').count)
      expect(g.getAttribute('uv')).toBeUndefined()
      const triangles = (g.index ? g.index.count : g.getAttribute('position').count) / 3
      expect(triangles).toBe(parts.length * 12)
      total += triangles
      g.dispose()
    }
    expect(total).toBeLessThan(5_000)
  })
})
