/**
 * The short word that names a built-in scenario in workshop and results codes. Words, not
 * numbers, so a team can see at a glance which lesson they are joining; none uses I, L or O (a
 * reader could not tell them from 1 and 0), none is the start of another (a code typed without
 * dashes still splits one way), and any two differ in at least two letters (one typo never turns
 * a tag into another). The index is the scenario's number inside results codes: append only,
 * never reorder.
 */
export interface ScenarioTag {
  readonly id: string;
  readonly tag: string;
}

export const SCENARIO_TAGS: readonly ScenarioTag[] = [
  { id: 'batch-size', tag: 'BATCH' },
  { id: 'dice-game', tag: 'DESKS' },
  { id: 'brent', tag: 'BRENT' },
  { id: 'utilisation', tag: 'BUSY' },
  { id: 'wip-limits', tag: 'KANBAN' },
  { id: 'four-types', tag: 'TYPES' },
  { id: 'second-way', tag: 'CHANGE' },
  { id: 'finale', tag: 'ENDGAME' },
  { id: 'mm1', tag: 'QUEUE' },
  { id: 'penny', tag: 'PENNY' },
];

export function tagOf(scenarioId: string): ScenarioTag | null {
  return SCENARIO_TAGS.find((t) => t.id === scenarioId) ?? null;
}

export function tagIndex(scenarioId: string): number {
  return SCENARIO_TAGS.findIndex((t) => t.id === scenarioId);
}
