/** The debrief's pure data: round numbers, chart series, comparisons and plain-words takeaways. */
export {
  roundStats,
  leadTimePoints,
  leadTimePercentiles,
  flowSeries,
  busyIdlePoints,
  inWindow,
  type RoundWindow,
  type RoundStats,
  type CenterRoundStats,
  type PersonRoundStats,
  type LeadTimePoint,
  type FlowSeries,
  type CenterFlowSeries,
  type BusyIdlePoint,
} from './RoundStats';
export { takeaway, CONSTRAINT_UTILISATION } from './Takeaway';
export { compareRounds, type RoundComparison, type ComparisonRow, type Verdict } from './RoundComparison';
export { relativeChange, describeChange, HELD_PERCENT, type Change, type Direction } from './Change';
export { formatMetric, metricName } from './RoundComparison';
export { sameSeedComparison, type SameSeedComparison, type SameSeedRow } from './SameSeedComparison';
