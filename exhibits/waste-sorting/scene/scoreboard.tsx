import { Label3D, useExhibit, useRun } from '@sophora/sdk'
import { SCOREBOARD_TEXT } from './signs.ts'
import { sortScore } from '../score.ts'
import { BOARD } from './layout.ts'
import type zh from '../locales/zh-CN.json'

/** The board on the wall: "得分 n / 30" (first-try sorts) and which item is on the belt. */
export function Scoreboard({ total }: { total: number }) {
  const { t } = useExhibit<typeof zh>()
  const { state } = useRun()
  const score = sortScore(state)
  const sorting = state.phase === 'step'
  const [x, y, z] = BOARD
  return (
    <group position={[x, y, z + 0.01]} name="scoreboard">
      <Label3D position={[0, 0.17, 0]} fontSize={0.09} color={SCOREBOARD_TEXT.title} anchorY="middle">
        {t('scene.title')}
      </Label3D>
      <Label3D position={[0, 0.0, 0]} fontSize={0.14} color={SCOREBOARD_TEXT.score} anchorY="middle">
        {t('scene.score', { score, total })}
      </Label3D>
      <Label3D position={[0, -0.18, 0]} fontSize={0.07} color={SCOREBOARD_TEXT.note} anchorY="middle">
        {sorting ? t('scene.count', { n: state.stepIndex + 1, total }) : state.phase === 'intro' ? t('scene.hint') : t('scene.done')}
      </Label3D>
    </group>
  )
}
