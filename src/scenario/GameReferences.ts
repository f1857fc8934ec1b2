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
  checkStrategiesAndProofs(s, add);
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

const NEEDS_CENTER = new Set(['queueTime', 'serviceTime', 'utilisation']);

/** Strategies name open levers and allowed settings; proofs and evidence name real things. */
function checkStrategiesAndProofs(s: Scenario, add: (path: string, message: string) => void): void {
  const g = s.game!;
  const rounds = g.rounds ?? [];
  const levers = new Map((g.levers ?? []).map((l) => [l.id, l]));
  const strategies = new Set<string>();
  (g.strategies ?? []).forEach((st, i) => {
    const at = `game.strategies[${i}]`;
    if (strategies.has(st.id)) add(`${at}.id`, `"${st.id}" is used by another strategy`);
    strategies.add(st.id);
    if (st.rounds.length > Math.max(1, rounds.length)) add(`${at}.rounds`, `has ${st.rounds.length} rounds but the game has ${rounds.length}`);
    st.rounds.forEach((settings, r) => {
      for (const [id, value] of Object.entries(settings)) {
        const where = `${at}.rounds[${r}].${id}`;
        const lever = levers.get(id);
        if (lever === undefined) add(where, `names no lever: "${id}"`);
        else if (!(rounds[r]?.levers ?? []).includes(id)) add(where, `"${id}" is not open before round ${r + 1}`);
        else if (!leverValues(lever).includes(value)) add(where, `${JSON.stringify(value)} is not a setting of "${id}"`);
      }
    });
  });
  const centers = new Set(s.workCenters.map((c) => c.id));
  const people = new Set((s.people ?? []).map((p) => p.id));
  const checkRef = (at: string, ref: { metric: string; center?: string; person?: string }) => {
    if (NEEDS_CENTER.has(ref.metric) && ref.center === undefined) add(`${at}.center`, `is required for "${ref.metric}"`);
    if (ref.center !== undefined && !centers.has(ref.center)) add(`${at}.center`, `names no work center: "${ref.center}"`);
    if (ref.metric === 'personBusy' && ref.person === undefined) add(`${at}.person`, 'is required for "personBusy"');
    if (ref.person !== undefined && !people.has(ref.person)) add(`${at}.person`, `names no person: "${ref.person}"`);
  };
  (g.evidence ?? []).forEach((e, i) => checkRef(`game.evidence[${i}]`, e));
  (g.proofs ?? []).forEach((p, i) => {
    const at = `game.proofs[${i}]`;
    checkRef(at, p);
    for (const side of ['a', 'b'] as const) {
      const x = p[side];
      if (!strategies.has(x.strategy)) add(`${at}.${side}.strategy`, `names no strategy: "${x.strategy}"`);
      if (x.round !== undefined && x.round > Math.max(1, rounds.length)) add(`${at}.${side}.round`, `must be a round of the game (1 to ${Math.max(1, rounds.length)})`);
    }
  });
}
