/** The debrief's charts: each draws into a container at a box, from plain data, and has destroy(). */
export { CumulativeFlowChart, type FlowChartData, type CumulativeFlowOptions } from './CumulativeFlowChart';
export { LeadTimeScatter, type LeadTimeScatterData, type LeadTimeScatterOptions, type ScatterPoint } from './LeadTimeScatter';
export { LeadTimeHistogram, type LeadTimeHistogramData, type LeadTimeHistogramOptions } from './LeadTimeHistogram';
export { BusyIdleCurve, busyOverIdle, type BusyIdleData, type BusyIdleOptions, type BusyIdleChartPoint } from './BusyIdleCurve';
export { WipChart, type WipChartData, type WipChartOptions, type RoundBoundary } from './WipChart';
export { DistributionChart, POLICY_COLOR, type DistributionChartData, type DistributionChartOptions } from './DistributionChart';
export { ChartFrame, type ChartBox, type LegendItem, type AxisSpec } from './ChartFrame';
