/**
 * The characters a workshop code is written in: digits and capitals that cannot be mistaken for
 * one another when read off a projector (no 0/O, no 1/I/L). 31 symbols, a prime, so a weighted
 * check sum modulo 31 catches every single wrong character and every swap of two neighbours.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_BASE = CODE_ALPHABET.length; // 31

/** Characters a reader could type for one that codes never use. */
export const CONFUSABLE = /[01OIL]/;

/** The value of one code character, or -1. */
export function codeValue(ch: string): number {
  return CODE_ALPHABET.indexOf(ch);
}

export function codeChar(value: number): string {
  return CODE_ALPHABET[((value % CODE_BASE) + CODE_BASE) % CODE_BASE]!;
}

/**
 * The check character for `values`: chosen so that the sum of (position × value) over the values
 * and the check, positions counted from 1, is a multiple of 31.
 */
export function checkValue(values: readonly number[]): number {
  const n = values.length + 1;
  if (n >= CODE_BASE) throw new Error('code too long for its check character');
  let sum = 0;
  values.forEach((v, i) => (sum += (i + 1) * v));
  // Solve n·c ≡ −sum (mod 31): multiply by n's inverse (n^29, Fermat).
  return mod(-sum * inverse(n), CODE_BASE);
}

export function checkHolds(values: readonly number[]): boolean {
  let sum = 0;
  values.forEach((v, i) => (sum += (i + 1) * v));
  return mod(sum, CODE_BASE) === 0;
}

function inverse(n: number): number {
  for (let k = 1; k < CODE_BASE; k++) if (mod(n * k, CODE_BASE) === 1) return k;
  throw new Error(`${n} has no inverse modulo ${CODE_BASE}`);
}

function mod(a: number, m: number): number {
  return ((a % m) + m) % m;
}
