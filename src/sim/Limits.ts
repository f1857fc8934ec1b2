/**
 * Bounds on what a scenario may ask for, so that no input (a typo, a hostile link) can hang the
 * engine or exhaust memory. Schema checks use them up front; the engine enforces the run-time
 * ones (items, events) and stops a run cleanly with a reason when one is reached.
 */
export const LIMITS = {
  maxHorizon: 100_000,
  maxDuration: 100_000,
  maxRate: 10_000,
  maxItems: 200_000,
  maxEvents: 50_000_000,
  maxCenters: 24,
  maxWorkersPerCenter: 200,
  maxPeople: 200,
  maxWorkTypes: 24,
  maxRouteSteps: 24,
  maxSkills: 16,
  maxSamples: 4000,
  maxCommands: 10_000,
} as const;
