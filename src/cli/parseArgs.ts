/**
 * The command line, read strictly: every flag is known, every value is checked here, so the
 * rest of the tool only ever sees well-formed options. Mistakes become one-line CliErrors.
 */
import { parseArgs } from 'node:util';
import { CliError } from './CliError';
import { builtinIds } from '../scenarios/index';

export const MAX_RUNS = 100_000;
export const MAX_WORKERS = 64;

export type OutputFormat = 'text' | 'json' | 'csv';

export interface CliOptions {
  help: boolean;
  scenario: string;
  seed: number;
  /** null: one run with a full summary; a number: that many consecutive seeds. */
  runs: number | null;
  /** null: run to the scenario's horizon. */
  until: number | null;
  format: OutputFormat;
  commandsFile: string | null;
  /** Threads for --runs, this one included (1: in-process); null: one per core, at most one per run. */
  workers: number | null;
}

export function usage(): string {
  return [
    'usage: npm run sim -- <scenario.json | built-in id> [--seed N] [--runs R] [--until T]',
    '                      [--json | --csv] [--commands file.json] [--workers W]',
    '       npm run sim -- prove <scenario.json | built-in id> [--seeds N] [--first S]',
    '                      [--format text|markdown|json]',
    '  prove plays every strategy of a lesson on seeds S..S+N-1 (default 1..100), prints each',
    "  strategy's numbers and checks the lesson's proofs: exit 0 all pass, 1 one fails, 2 bad input",
    `built-in scenarios: ${builtinIds().join(', ')}`,
  ].join('\n');
}

const OPTIONS = {
  seed: { type: 'string' },
  runs: { type: 'string' },
  until: { type: 'string' },
  json: { type: 'boolean' },
  csv: { type: 'boolean' },
  commands: { type: 'string' },
  workers: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type OptionSpec = Readonly<Record<string, { readonly type: 'string' | 'boolean'; readonly short?: string }>>;

const valueFlags = (options: OptionSpec) => new Set(Object.entries(options).filter(([, o]) => o.type === 'string').map(([k]) => `--${k}`));

const fail = (message: string): never => {
  throw new CliError(message, 2, true);
};

/**
 * util.parseArgs refuses `--seed -3` as ambiguous; join such pairs into `--seed=-3` so that a
 * negative number gets checked (and explained) like any other value.
 */
function joinNegativeValues(argv: readonly string[], options: OptionSpec): string[] {
  const VALUE_FLAGS = valueFlags(options);
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = argv[i + 1];
    if (VALUE_FLAGS.has(a) && next !== undefined && /^-[\d.]/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

function wholeNumber(flag: string, text: string, min: number, max: number): number {
  const n = /^[+-]?\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) fail(`--${flag} must be a whole number from ${min} to ${max}, not "${text}"`);
  return n;
}

/** util.parseArgs, strict, with its errors reworded as one-line CliErrors. */
function strictParse<T extends OptionSpec>(argv: readonly string[], options: T) {
  try {
    return parseArgs({ args: joinNegativeValues(argv, options), options, allowPositionals: true, strict: true });
  } catch (e) {
    const err = e as Error & { code?: string };
    const unknown = /^Unknown option '([^']+)'/.exec(err.message);
    if (unknown) fail(`unknown option ${unknown[1]}`);
    const missing = /^Option '(--?\w+)(?: <value>)?' argument missing/.exec(err.message);
    if (missing) fail(`${missing[1]} needs a value`);
    return fail(err.message.split('\n')[0]!);
  }
}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  const { values, positionals } = strictParse(argv, OPTIONS);
  const help = values.help === true;
  if (help) return { help, scenario: '', seed: 1, runs: null, until: null, format: 'text', commandsFile: null, workers: null };

  if (positionals.length === 0) fail('name a scenario: a JSON file or a built-in id');
  if (positionals.length > 1) fail(`expected one scenario, got ${positionals.length}: ${positionals.join(' ')}`);
  if (values.json && values.csv) fail('choose one of --json or --csv');

  // Seeds are strings to the engine; whole numbers keep --runs' "consecutive seeds" meaningful.
  const seed = values.seed === undefined ? 1 : wholeNumber('seed', values.seed, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER - MAX_RUNS);
  const runs = values.runs === undefined ? null : wholeNumber('runs', values.runs, 1, MAX_RUNS);
  let until: number | null = null;
  if (values.until !== undefined) {
    const t = values.until.trim() === '' ? NaN : Number(values.until);
    if (!Number.isFinite(t) || t <= 0) fail(`--until must be a positive number, not "${values.until}"`);
    until = t;
  }
  const workers = values.workers === undefined ? null : wholeNumber('workers', values.workers, 1, MAX_WORKERS);
  if (workers !== null && runs === null) fail('--workers only applies with --runs');
  if (values.commands === '') fail('--commands needs a file name');

  return {
    help,
    scenario: positionals[0]!,
    seed,
    runs,
    until,
    format: values.json ? 'json' : values.csv ? 'csv' : 'text',
    commandsFile: values.commands ?? null,
    workers,
  };
}

// ---------- npm run sim -- prove <scenario> ----------

/** The subcommand that checks a lesson's claims; the first word of the command line. */
export const PROVE = 'prove';
/** Every seed plays every strategy in this thread: 10,000 is minutes, not hours. */
export const MAX_PROVE_SEEDS = 10_000;
export const PROVE_FORMATS = ['text', 'markdown', 'json'] as const;
export type ProveFormat = (typeof PROVE_FORMATS)[number];

export interface ProveOptions {
  help: boolean;
  scenario: string;
  /** The first seed; seeds are first..first+seeds-1. */
  first: number;
  seeds: number;
  format: ProveFormat;
}

const PROVE_OPTIONS = {
  seeds: { type: 'string' },
  first: { type: 'string' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The words after "prove". */
export function parseProveArgs(argv: readonly string[]): ProveOptions {
  const { values, positionals } = strictParse(argv, PROVE_OPTIONS);
  const help = values.help === true;
  if (help) return { help, scenario: '', first: 1, seeds: 100, format: 'text' };
  if (positionals.length === 0) fail('name a scenario to prove: a JSON file or a built-in id');
  if (positionals.length > 1) fail(`expected one scenario, got ${positionals.length}: ${positionals.join(' ')}`);
  const seeds = values.seeds === undefined ? 100 : wholeNumber('seeds', values.seeds, 1, MAX_PROVE_SEEDS);
  const first = values.first === undefined ? 1 : wholeNumber('first', values.first, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER - MAX_PROVE_SEEDS);
  const format = values.format ?? 'text';
  if (!(PROVE_FORMATS as readonly string[]).includes(format)) fail(`--format must be one of ${PROVE_FORMATS.join(', ')}, not "${format}"`);
  return { help, scenario: positionals[0]!, first, seeds, format: format as ProveFormat };
}
