/** The engine's public face: everything a game, a worker, the command line or a test needs. */
export { Simulation, type RunOptions, type RunStatus, type StallReport } from './Simulation';
export { compileModel, type Model } from './Model';
export type { Command, CommandBody } from './Command';
export { checkCommand, checkCommandList } from './CommandCheck';
export { computeMetrics, itemRecord, type RunMetrics, type ItemRecord, type CenterMetrics } from './Metrics';
export { takeSnapshot, type Snapshot, type ItemView, type CenterView, type PersonView } from './Snapshot';
export { summarize, mean, percentileSorted, stdev, type Summary } from './Statistics';
export { makeSampler, meanOf } from './Distribution';
export { RandomStreams } from './RandomStreams';
export { LIMITS } from './Limits';
export { seekTo, seekRun } from './Seek';
