import { useEffect, useRef, useState } from 'react'
import { loadEcharts } from './echarts-loader.ts'

/** One chart; `label` is what a screen reader hears (the table under it has the figures). */
export function Chart(props: { option: Record<string, unknown>; label: string; loadingText: string; errorText: string }) {
  const box = useRef<HTMLDivElement>(null)
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading')
  useEffect(() => {
    let live = true
    let chart: { setOption(o: Record<string, unknown>): void; dispose(): void } | null = null
    const resize = () => (chart as { resize?: () => void } | null)?.resize?.()
    loadEcharts().then(
      (core) => {
        if (!live || !box.current) return
        chart = core.init(box.current, null, { renderer: 'svg' })
        chart.setOption(props.option)
        setStatus('ready')
        addEventListener('resize', resize)
      },
      () => live && setStatus('error'),
    )
    return () => {
      live = false
      removeEventListener('resize', resize)
      chart?.dispose()
    }
  }, [props.option])
  return (
    <div className="dash-chart-wrap">
      <div ref={box} className="dash-chart" role="img" aria-label={props.label} data-testid="chart" data-status={status} />
      {status !== 'ready' && <p className="hint">{status === 'loading' ? props.loadingText : props.errorText}</p>}
    </div>
  )
}
