/**
 * The scenarios the player can pick: the built-in lessons in campaign order, then the sandbox
 * models, then the player's own scenario files. Built-in or own, an entry is made the same way
 * from the same format.
 */
import { builtinIds, builtinScenario } from '../scenarios';
import type { Scenario } from '../scenario/ScenarioSchema';
import type { ScenarioEntry } from './GameContext';
import { titleOf, type OwnScenario } from './OwnScenarios';

export function builtinCatalog(): ScenarioEntry[] {
  const entries = builtinIds().map((id) => entryOf(id, builtinScenario(id)));
  const lessons = entries.filter((e) => e.order !== null || e.lesson !== null);
  const sandbox = entries.filter((e) => e.order === null && e.lesson === null);
  lessons.sort((a, b) => (a.order ?? 99) - (b.order ?? 99) || a.id.localeCompare(b.id));
  return [...lessons, ...sandbox];
}

function entryOf(id: string, s: Scenario): ScenarioEntry {
  const g = s.game;
  return {
    id,
    title: s.title,
    lesson: g?.lesson ?? null,
    order: g?.order ?? null,
    tagline: g?.tagline ?? firstSentence(s.description ?? ''),
    rounds: g?.rounds?.length ?? 1,
    locked: false,
  };
}

/**
 * A scenario the player opened: never in the campaign (its `game.order` is ignored), and listed
 * even when this version no longer accepts it, locked, with the reason as its line.
 */
export function ownEntry(o: OwnScenario): ScenarioEntry {
  if (o.scenario === null) {
    const problem = o.errors[0] ?? 'not a valid scenario';
    return { id: o.id, title: titleOf(o), lesson: null, order: null, tagline: `Cannot be played: ${problem}`, rounds: 1, locked: true, own: { fileName: o.fileName, problem } };
  }
  return { ...entryOf(o.id, o.scenario), order: null, own: { fileName: o.fileName, problem: null } };
}

function firstSentence(text: string): string {
  const end = text.search(/[.!?](\s|$)/);
  return end >= 0 ? text.slice(0, end + 1) : text;
}
