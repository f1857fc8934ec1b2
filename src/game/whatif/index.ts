/** What-if runs: two policies over many seeds, played by the game's own session in a worker. */
export { sessionSituation } from './SessionSituation';
export { buildPolicy, choiceLabel, policyChoices, KEEP_LABEL, PLAN_LABEL, type LeverSettings, type PolicyChoice, type WhatIfSituation } from './WhatIfPolicy';
export { seedOutcome, windowNumbers, type SeedOutcome, type WindowNumbers } from './SeedOutcome';
export { LOWER_IS_BETTER, pairedShare, spreadOf, summarizeWhatIf, WHATIF_METRICS, type MetricSummary, type ScopeSummary, type Spread, type WhatIfMetric, type WhatIfScope, type WhatIfSummary } from './WhatIfSummary';
export { runWhatIf, PROGRESS_EVERY, WHATIF_FIRST_SEED, WHATIF_SEEDS, type WhatIfOutcomes, type WhatIfRequest } from './WhatIfRun';
export { compareLine, excludedLine, formatMetric, HEADLINE_PERCENTILE } from './WhatIfWords';
