/**
 * Checks a scenario's `game` part against its model: the rounds fit in the horizon, every lever
 * a round opens exists, each lever's settings are in range, and every command a lever can send
 * is one the engine accepts for this model. A trainer's typo is reported at load time with its
 * path, never discovered mid-game.
 */
import type { Scenario } from './ScenarioSchema';
import type { ScenarioIssue } from './ScenarioReferences';
import { leverCommands, leverValues } from './LeverCommands';
import { compileModel } from '../sim/Model';
import { checkCommand } from '../sim/CommandCheck';

export function checkGameReferences(s: Scenario): ScenarioIssue[] {
  const g = s.game;
  if (g === undefined) return [];
  const issues: ScenarioIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });

  const rounds = g.rounds ?? [];
  const total = rounds.reduce((a, r) => a + r.length, 0);
  if (total > s.horizon + 1e-9) add('game.rounds', `must fit in the horizon: the rounds last ${total} but the horizon is ${s.horizon}`);

  const levers = g.levers ?? [];
  const ids = new Set<string>();
  levers.forEach((l, i) => {
    if (ids.has(l.id)) add(`game.levers[${i}].id`, `"${l.id}" is used by another lever`);
    ids.add(l.id);
    if (l.kind === 'number') {
      if (l.min > l.max) add(`game.levers[${i}].max`, 'must be at least min');
      if (l.initial === null && l.off === undefined) add(`game.levers[${i}].initial`, 'can be null (off) only when the lever has an "off" label');
      if (l.initial !== null && (l.initial < l.min || l.initial > l.max)) add(`game.levers[${i}].initial`, `must be from min (${l.min}) to max (${l.max})`);
    } else if (l.initial !== undefined && l.initial >= l.options.length) {
      add(`game.levers[${i}].initial`, `must name one of the ${l.options.length} options (0 to ${l.options.length - 1})`);
    }
  });
  rounds.forEach((r, i) =>
    (r.levers ?? []).forEach((id, j) => {
      if (!ids.has(id)) add(`game.rounds[${i}].levers[${j}]`, `names no lever: "${id}"`);
    }),
  );
  if (issues.length > 0) return issues;

  // Every command every setting can send must pass the engine's own check.
  const model = compileModel(s);
  levers.forEach((l, i) => {
    const values = leverValues(l);
    // A number lever's commands only differ in the value: check "off" and both ends.
    const probe = l.kind === 'number' ? [...new Set([values[0]!, l.min, values[values.length - 1]!])] : values;
    for (const v of probe) {
      leverCommands(l, v, 0).forEach((c, k) => {
        const err = checkCommand(model, c);
        const where = l.kind === 'choice' ? `game.levers[${i}].options[${v}].commands[${k}]` : `game.levers[${i}].commands[${k}]`;
        if (err !== null && !issues.some((x) => x.path === where)) add(where, err);
      });
    }
  });
  return issues;
}
