/**
 * The scenarios the player can pick: the built-in lessons in campaign order, then the sandbox
 * models. Built from the same scenario files a trainer would write.
 */
import { builtinIds, builtinScenario } from '../scenarios';
import type { ScenarioEntry } from './GameContext';

export function builtinCatalog(): ScenarioEntry[] {
  const entries = builtinIds().map((id): ScenarioEntry => {
    const s = builtinScenario(id);
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
  });
  const lessons = entries.filter((e) => e.order !== null || e.lesson !== null);
  const sandbox = entries.filter((e) => e.order === null && e.lesson === null);
  lessons.sort((a, b) => (a.order ?? 99) - (b.order ?? 99) || a.id.localeCompare(b.id));
  return [...lessons, ...sandbox];
}

function firstSentence(text: string): string {
  const end = text.search(/[.!?](\s|$)/);
  return end >= 0 ? text.slice(0, end + 1) : text;
}
