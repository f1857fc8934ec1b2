/**
 * The building blocks of the scenario schemas, each with the plain wording a trainer reads
 * ("must be a whole number from 1 to 200"), shared by the model's schema and the game section's.
 */
import { z } from 'zod';

export const missing = (what: string) => (iss: { input: unknown }) =>
  iss.input === undefined ? 'is required' : `must be ${what}`;

/** A finite number in [min, max]; `what` completes "must be ...". */
export function numberIn(min: number, max: number, what = `a number from ${min} to ${max}`) {
  return z
    .number({ error: missing(what) })
    .min(min, { error: `must be ${what}` })
    .max(max, { error: `must be ${what}` });
}

export function wholeIn(min: number, max: number) {
  const what = `a whole number from ${min} to ${max}`;
  return z
    .number({ error: missing(what) })
    .int({ error: `must be ${what}` })
    .min(min, { error: `must be ${what}` })
    .max(max, { error: `must be ${what}` });
}

export const positive = (max: number) =>
  z
    .number({ error: missing(`a number greater than 0`) })
    .gt(0, { error: 'must be a number greater than 0' })
    .max(max, { error: `must be at most ${max}` });

export const nonNegative = (max: number) => numberIn(0, max, `a number from 0 to ${max}`);
export const probability = numberIn(0, 1, 'a probability from 0 to 1');

export const Id = z
  .string({ error: missing('a text id') })
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/, {
    error: 'must be an id: a letter, then up to 39 letters, digits, "-" or "_"',
  });

export const Text = (max: number) =>
  z.string({ error: missing('text') }).max(max, { error: `must be at most ${max} characters` });

export const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.map((v) => `"${v}"`).join(', ')}` });
