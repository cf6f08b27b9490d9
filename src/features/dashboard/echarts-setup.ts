import * as echarts from 'echarts/core'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import { SVGRenderer } from 'echarts/renderers'

/**
 * The only module that imports ECharts, and only through chart.tsx's dynamic import: named
 * imports let the bundler drop every chart and component the dashboard does not draw. SVG,
 * so text stays crisp in print and Chinese labels use the page's fonts.
 */
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer])
export { echarts }
