/**
 * Scene keys, one per scene file. The flow: Boot -> Preloader -> Title -> ScenarioSelect ->
 * Briefing -> (RoundPlanning -> Play -> Debrief) per round; Settings opens from Title.
 */
export const SceneKey = {
  Boot: 'Boot',
  Preloader: 'Preloader',
  Title: 'Title',
  ScenarioSelect: 'ScenarioSelect',
  Briefing: 'Briefing',
  RoundPlanning: 'RoundPlanning',
  Play: 'Play',
  Debrief: 'Debrief',
  Settings: 'Settings',
  JoinWorkshop: 'JoinWorkshop',
  Leaderboard: 'Leaderboard',
  WhatIf: 'WhatIf',
  Compare: 'Compare',
  Replays: 'Replays',
  Replay: 'Replay',
} as const;

export type SceneKey = (typeof SceneKey)[keyof typeof SceneKey];
