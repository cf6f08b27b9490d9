import type * as EChartsCore from 'echarts/core'

/**
 * ECharts (echarts-setup.ts), fetched once: its own chunks, never the lobby's. Called when the
 * page opens with a session (early-start.ts, dashboard-page.tsx), so the half-megabyte chunk
 * arrives while the views are being counted instead of after the first answer.
 */
let echarts: Promise<typeof EChartsCore> | null = null
export const loadEcharts = (): Promise<typeof EChartsCore> => {
  echarts ??= import('./echarts-setup.ts').then((m) => m.echarts)
  // A failed load (network gone) is tried again by the next chart, not remembered.
  echarts.catch(() => (echarts = null))
  return echarts
}
