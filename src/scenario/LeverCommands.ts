/**
 * Turns a lever setting into the engine commands it stands for, stamped with the time the round
 * starts. A number lever fills its "$value" placeholders; a choice lever sends its option's
 * commands. Pure data in, data out, so the scenario check and the game use the same code.
 */
import type { Command } from '../sim/Command';
import type { LeverSpec } from './GameSchema';

/** A choice lever's option index, or a number lever's value (null = off). */
export type LeverValue = number | null;

function fill(value: unknown, v: LeverValue): unknown {
  if (value === '$value') return v;
  if (Array.isArray(value)) return value.map((x) => fill(x, v));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(value)) out[k] = fill(x, v);
    return out;
  }
  return value;
}

export function leverCommands(lever: LeverSpec, value: LeverValue, at: number): Command[] {
  if (lever.kind === 'choice') {
    const option = value === null ? undefined : lever.options[value];
    if (option === undefined) return [];
    return option.commands.map((c) => ({ ...(structuredClone(c) as object), at }) as Command);
  }
  return lever.commands.map((c) => ({ ...(fill(c, value) as object), at }) as Command);
}

/** The setting in force before the player touches the lever. */
export function leverInitial(lever: LeverSpec): LeverValue {
  return lever.kind === 'choice' ? (lever.initial ?? 0) : lever.initial;
}

/** Every setting the lever allows, in order (for checks and for keyboard stepping). */
export function leverValues(lever: LeverSpec): LeverValue[] {
  if (lever.kind === 'choice') return lever.options.map((_, i) => i);
  const out: LeverValue[] = [];
  if (lever.off !== undefined) out.push(null);
  const step = lever.step ?? 1;
  for (let v = lever.min; v <= lever.max && out.length < 10001; v += step) out.push(v);
  return out;
}

/** The cost of moving a lever to `value` (number levers are free). */
export function leverCost(lever: LeverSpec, value: LeverValue): number {
  if (lever.kind !== 'choice' || value === null) return 0;
  return lever.options[value]?.cost ?? 0;
}
