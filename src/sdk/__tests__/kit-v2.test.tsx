import ReactThreeTestRenderer from '@react-three/test-renderer'
import { act, useState } from 'react'
import { BoxGeometry, CylinderGeometry } from 'three'
import { describe, expect, it } from 'vitest'
import { choice, quizItem, step } from '../builders.ts'
import { useExhibit, useTracked } from '../hooks.ts'
import { mergeBoxes } from '../merge-boxes.ts'
import { mergeParts } from '../merge-parts.ts'
import { createTestExhibit } from '../testing/index.ts'
import { Label3D } from '../text/label-3d.tsx'

describe('builders', () => {
  it('name the convention keys, and a step narrates its own cue unless told otherwise', () => {
    expect(choice('door-slow', true)).toEqual({ id: 'door-slow', label: 'choice.door-slow', correct: true, feedback: 'feedback.door-slow' })
    expect(choice('x', false, { label: 'bin.red' })).toEqual({ id: 'x', label: 'bin.red', correct: false, feedback: 'feedback.x' })
    const cs = [choice('a', true), choice('b')]
    expect(step('door', cs)).toEqual({ id: 'door', prompt: 'step.door.prompt', cue: 'door', choices: cs })
    expect(step('door', cs, { cue: 'first', prompt: 'step.x' })).toMatchObject({ prompt: 'step.x', cue: 'first' })
    expect('cue' in step('door', cs, { cue: null })).toBe(false)
    expect(quizItem('lift', cs)).toEqual({ id: 'lift', question: 'quiz.lift.question', explanation: 'quiz.lift.explanation', choices: cs })
  })
})

describe('mergeParts / mergeBoxes', () => {
  it('merge any shapes into one vertex-coloured geometry with the linear colours, and dispose the pieces', () => {
    const box = new BoxGeometry(1, 1, 1)
    const cyl = new CylinderGeometry(0.5, 0.5, 1, 8).translate(3, 0, 0)
    let disposed = 0
    for (const g of [box, cyl]) g.addEventListener('dispose', () => disposed++)
    const triangles = (box.index!.count + cyl.index!.count) / 3
    const g = mergeParts([
      { geo: box, color: '#ffffff' },
      { geo: cyl, color: 'rgb(255, 0, 0)' },
    ])
    expect(Object.keys(g.attributes).sort()).toEqual(['color', 'normal', 'position'])
    expect(g.index ? g.index.count / 3 : g.getAttribute('position').count / 3).toBe(triangles)
    const col = g.getAttribute('color')
    expect([col.getX(0), col.getY(0), col.getZ(0)]).toEqual([1, 1, 1])
    const last = col.count - 1
    expect([col.getX(last), col.getY(last), col.getZ(last)]).toEqual([1, 0, 0])
    expect(g.boundingSphere!.center.x).toBeGreaterThan(1)
    expect(disposed).toBe(2)
  })

  it('de-index all pieces when one has no index, and keep boxes indexed', () => {
    const flat = new BoxGeometry(1, 1, 1).toNonIndexed()
    const g = mergeParts([
      { geo: new BoxGeometry(1, 1, 1), color: 'red' },
      { geo: flat, color: 'blue' },
    ])
    expect(g.index).toBeNull()
    expect(g.getAttribute('position').count).toBe(72)
    const boxes = mergeBoxes([
      { size: [2, 1, 1], at: [0, 0.5, 0], color: '#888' },
      { size: [1, 1, 1], at: [0, 0, -5], color: '#888', rot: [0, Math.PI / 4, 0] },
    ])
    expect(boxes.index!.count).toBe(72)
    boxes.computeBoundingBox()
    expect(boxes.boundingBox!.max.y).toBeCloseTo(1)
    expect(boxes.boundingBox!.min.z).toBeCloseTo(-5 - Math.SQRT1_2)
  })
})

const manifest = {
  id: 'x',
  version: 1,
  title: { 'zh-CN': '测试', en: 'Test' },
  summary: { 'zh-CN': '测试', en: 'Test' },
  category: 'science',
  ages: [8, 15],
  minutes: 5,
  stamp: { glyph: '测', color: '#336699', label: { 'zh-CN': '测试', en: 'Test' } },
  steps: ['a'],
  quiz: { items: ['q'], pass: 1 },
  narration: [],
  modes: ['flat'],
}
const zh = { 'scene.sign': '出口' }
const files = {
  manifest,
  steps: [step('a', [choice('a-1', true), choice('a-2')])],
  quiz: [quizItem('q', [choice('q-1', true)])],
  locales: { 'zh-CN': zh, en: { 'scene.sign': 'Exit' } },
}

describe('useTracked and the test context', () => {
  it('tracks one object per visit until deps change, and Label3D renders as its stand-in', async () => {
    const x = createTestExhibit(files)
    let bump: (n: number) => void = () => {}
    let made = 0
    function Scene() {
      const ctx = useExhibit<typeof zh>()
      // @ts-expect-error a key that locales/zh-CN.json lacks is a type error
      void (() => ctx.t('scene.sing'))
      const [n, setN] = useState(1)
      bump = setN
      const geo = useTracked(() => {
        made++
        return new BoxGeometry(n, 1, 1)
      }, [n])
      return (
        <mesh name="m" geometry={geo}>
          <Label3D position={[0, 1, 0]}>{ctx.t('scene.sign')}</Label3D>
        </mesh>
      )
    }
    const r = await ReactThreeTestRenderer.create(x.provide(<Scene />))
    await r.update(x.provide(<Scene />))
    expect([made, x.tracked.length]).toEqual([1, 1])
    await act(async () => bump(2))
    expect([made, x.tracked.length]).toEqual([2, 2])
    const label = r.scene.findAll((n) => n.props.name === 'label:出口')
    expect(label).toHaveLength(1)
    expect(label[0]!.instance.position.y).toBe(1)
    await r.unmount()
  })
})
