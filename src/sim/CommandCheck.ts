/**
 * Checks a decision against the model it is meant for, so that a bad command from a link or a
 * file is refused with a plain message before the run starts, never half-applied.
 */
import type { Command } from './Command';
import type { Model } from './Model';
import { DISPATCH_RULES } from './DispatchRule';
import { LIMITS } from './Limits';

const isWhole = (x: unknown, min: number, max: number) => typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;
const isNum = (x: unknown, min: number, max: number) => typeof x === 'number' && Number.isFinite(x) && x >= min && x <= max;

export function checkCommand(m: Model, c: Command): string | null {
  if (typeof c !== 'object' || c === null) return 'must be an object';
  if (!isNum(c.at, 0, m.horizon)) return `at: must be a time from 0 to the horizon (${m.horizon})`;
  const center = (id: unknown) => m.centers.find((x) => x.id === id);
  const person = (id: unknown) => m.people.find((x) => x.id === id && x.named);
  const type = (id: unknown) => m.types.find((x) => x.id === id);
  switch (c.type) {
    case 'setWipLimit':
      if (!center(c.center)) return `center: names no work center: "${String(c.center)}"`;
      if (c.limit !== null && !isWhole(c.limit, 1, LIMITS.maxItems)) return `limit: must be a whole number from 1 to ${LIMITS.maxItems}, or null`;
      return null;
    case 'setBatch':
      if (!center(c.center)) return `center: names no work center: "${String(c.center)}"`;
      if (c.processBatch !== undefined && !isWhole(c.processBatch, 1, 1000)) return 'processBatch: must be a whole number from 1 to 1000';
      if (c.transferBatch !== undefined && !isWhole(c.transferBatch, 1, 1000)) return 'transferBatch: must be a whole number from 1 to 1000';
      return null;
    case 'setRelease': {
      const r = c.release;
      if (typeof r !== 'object' || r === null) return 'release: must be a release policy';
      if (r.type === 'push') return null;
      if (r.type === 'conwip') return isWhole(r.limit, 1, LIMITS.maxItems) ? null : 'release.limit: must be a whole number of at least 1';
      if (r.type === 'drum') {
        if (!center(r.center)) return `release.center: names no work center: "${String(r.center)}"`;
        return isWhole(r.buffer, 1, LIMITS.maxItems) ? null : 'release.buffer: must be a whole number of at least 1';
      }
      return 'release.type: must be one of "push", "conwip", "drum"';
    }
    case 'setFreeze':
      return typeof c.frozen === 'boolean' ? null : 'frozen: must be true or false';
    case 'assign': {
      if (!person(c.person)) return `person: names no named person: "${String(c.person)}"`;
      if (c.centers !== null) {
        if (!Array.isArray(c.centers)) return 'centers: must be a list of center ids, or null';
        for (const id of c.centers) if (!center(id)) return `centers: names no work center: "${String(id)}"`;
      }
      if (c.workTypes !== undefined && c.workTypes !== null) {
        if (!Array.isArray(c.workTypes)) return 'workTypes: must be a list of work type ids, or null';
        for (const id of c.workTypes) if (!type(id)) return `workTypes: names no work type: "${String(id)}"`;
      }
      return null;
    }
    case 'setDispatch':
      if (!person(c.person)) return `person: names no named person: "${String(c.person)}"`;
      return (DISPATCH_RULES as readonly string[]).includes(c.rule) ? null : `rule: must be one of ${DISPATCH_RULES.join(', ')}`;
    case 'invest':
      if (!center(c.center)) return `center: names no work center: "${String(c.center)}"`;
      if (c.setupFactor !== undefined && !isNum(c.setupFactor, 0, 1)) return 'setupFactor: must be a number from 0 to 1';
      if (c.failureFactor !== undefined && !isNum(c.failureFactor, 0, 1)) return 'failureFactor: must be a number from 0 to 1';
      return null;
    case 'crossTrain': {
      if (!person(c.expert)) return `expert: names no named person: "${String(c.expert)}"`;
      if (!Array.isArray(c.trainees) || c.trainees.length === 0) return 'trainees: must list at least one person';
      for (const id of c.trainees) if (!person(id)) return `trainees: names no named person: "${String(id)}"`;
      if (typeof c.skill !== 'string' || !m.skills.has(c.skill)) return `skill: names no skill of this scenario: "${String(c.skill)}"`;
      for (const id of c.centers ?? []) if (!center(id)) return `centers: names no work center: "${String(id)}"`;
      return isNum(c.effort, 0, LIMITS.maxDuration) ? null : `effort: must be a number from 0 to ${LIMITS.maxDuration}`;
    }
    case 'setDetection': {
      const t = type(c.workType);
      if (!t) return `workType: names no work type: "${String(c.workType)}"`;
      if (!isWhole(c.step, 0, t.route.length - 1)) return `step: must be a step index from 0 to ${t.route.length - 1}`;
      if (c.foundAt === 'same' || c.foundAt === 'customer') return null;
      const later = t.route.findIndex((s, k) => k > c.step && m.centers[s.center]!.id === c.foundAt);
      return later >= 0 ? null : `foundAt: must be "same", "customer" or a center later on the route`;
    }
    case 'setReleaseEvery': {
      const ctr = center(c.center);
      if (!ctr) return `center: names no work center: "${String(c.center)}"`;
      if (!ctr.deploy) return `center: "${ctr.id}" is not a deploy center`;
      return c.every === null || isNum(c.every, 1e-6, LIMITS.maxHorizon) ? null : 'every: must be a number greater than 0, or null';
    }
    default:
      return `type: names no command: "${String((c as { type?: unknown }).type)}"`;
  }
}

/**
 * Checks a whole list of decisions read from outside (a file, a link): the list itself, its size
 * and each command against the model. Returns the commands or every problem as `commands[i]: ...`.
 */
export function checkCommandList(m: Model, value: unknown): { ok: true; commands: Command[] } | { ok: false; errors: string[] } {
  if (!Array.isArray(value)) return { ok: false, errors: ['commands: must be a list of commands'] };
  if (value.length > LIMITS.maxCommands) return { ok: false, errors: [`commands: has ${value.length} commands; a run takes at most ${LIMITS.maxCommands}`] };
  const errors: string[] = [];
  value.forEach((c: unknown, i) => {
    let err: string | null;
    try {
      err = checkCommand(m, c as Command);
    } catch (e) {
      // checkCommand trusts the shape of a few nested fields; odd JSON must not crash a reader.
      err = `is not a valid command (${(e as Error).message})`;
    }
    if (err) errors.push(`commands[${i}]: ${err}`);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, commands: value as Command[] };
}
