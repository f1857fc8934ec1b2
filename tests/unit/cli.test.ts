/**
 * The command line, end to end: spawned as a user would run it (node + tsx), compared with the
 * engine run in-process. Bad input must give exit code 2, a plain message and no stack trace.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinScenario } from '../../src/scenarios/index';
import { Simulation, compileModel, computeMetrics } from '../../src/sim/index';
import { ITEM_COLUMNS, csvField } from '../../src/cli/formatCsv';
import { parseCliArgs } from '../../src/cli/parseArgs';
import { CliError } from '../../src/cli/CliError';
import { runSeeds } from '../../src/cli/runSeeds';
import { runSeedsParallel } from '../../src/cli/workerPool';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function sim(...args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], { cwd: ROOT, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const STACK_LINE = /^\s+at /m;

function brentRun(seed: number) {
  const s = new Simulation(compileModel(builtinScenario('brent')), { seed });
  s.runToEnd();
  return s;
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'phoenix-cli-'));
  writeFileSync(join(dir, 'broken.json'), '{ "format": "phoenix-flow/scenario", ');
  const bad = { ...builtinScenario('brent'), horizon: -5 };
  writeFileSync(join(dir, 'bad-scenario.json'), JSON.stringify(bad));
  writeFileSync(join(dir, 'good.json'), JSON.stringify({ ...builtinScenario('mm1'), horizon: 200, warmup: 0 }));
  writeFileSync(
    join(dir, 'bad-commands.json'),
    JSON.stringify([
      { at: 1, type: 'setWipLimit', center: 'dev', limit: 4 },
      { at: 2, type: 'setWipLimit', center: 'nowhere', limit: 3 },
    ]),
  );
  writeFileSync(join(dir, 'commands.json'), JSON.stringify([{ at: 0, type: 'setWipLimit', center: 'dev', limit: 4 }]));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.concurrent('sim command line', () => {
  it('prints a summary whose hash is the in-process one', async () => {
    const r = await sim('brent', '--seed', '1');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const s = brentRun(1);
    const m = computeMetrics(s);
    expect(r.stdout).toContain('Everything waits for Brent (brent)');
    expect(r.stdout).toMatch(/^ {2}seed +1$/m);
    expect(r.stdout).toMatch(/^ {2}time +60 of 60 days, finished/m);
    expect(r.stdout).toContain(`created ${m.created}, done ${m.done}`);
    for (const label of ['throughput', 'lead time', 'time in process', 'cycle time', 'flow efficiency', 'Development', 'Brent', 'deployment frequency', 'change failure rate', 'late items', 'value']) {
      expect(r.stdout).toContain(label);
    }
    expect(r.stdout).toMatch(new RegExp(`^ {2}event-log hash +${s.hash()} \\(${s.log.count} events\\)$`, 'm'));
  });

  it('--json matches computeMetrics in-process, NaN as null', async () => {
    const r = await sim('brent', '--seed', '1', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const s = brentRun(1);
    expect(out).toMatchObject({ scenario: 'brent', seed: 1, until: 60, status: 'finished', hash: s.hash(), events: s.log.count });
    expect(out.metrics).toEqual(JSON.parse(JSON.stringify(computeMetrics(s))));
    expect(r.stdout).not.toContain('NaN');
  });

  it('--csv has a header and one row per item', async () => {
    const r = await sim('brent', '--csv', '--seed', '1');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(ITEM_COLUMNS.join(','));
    const s = brentRun(1);
    expect(lines.length - 1).toBe(s.items.length);
    for (const line of lines.slice(1)) expect(line.split(',')).toHaveLength(ITEM_COLUMNS.length);
    expect(lines[1]!.startsWith('0,')).toBe(true);
  });

  it('--runs gives the same rows with 1 and 2 workers', async () => {
    const [a, b] = await Promise.all([sim('brent', '--runs', '4', '--workers', '1', '--json'), sim('brent', '--runs', '4', '--workers', '2', '--json')]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    const ja = JSON.parse(a.stdout), jb = JSON.parse(b.stdout);
    expect(ja.workers).toBe(1);
    expect(jb.workers).toBe(2);
    expect(ja.runs.map((r: { seed: number }) => r.seed)).toEqual([1, 2, 3, 4]);
    expect(jb.runs).toEqual(ja.runs);
    expect(jb.distribution).toEqual(ja.distribution);
    expect(ja.runs[0].hash).toBe(brentRun(1).hash());
  });

  it('--runs prints the spread and --csv one row per run', async () => {
    const [text, csv] = await Promise.all([sim('brent', '--runs', '3', '--seed', '5', '--workers', '1'), sim('brent', '--runs', '3', '--seed', '5', '--workers', '1', '--csv')]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('3 runs, seeds 5..7');
    expect(text.stdout).toMatch(/lead time, run mean/);
    expect(text.stdout).toMatch(/wall time [\d.]+ s/);
    const lines = csv.stdout.trimEnd().split('\n');
    expect(lines[0]!.startsWith('seed,')).toBe(true);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['5', '6', '7']);
  });

  it('reads a scenario file, a commands file and --until', async () => {
    const r = await sim(join(dir, 'good.json'), '--until', '50', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ scenario: 'mm1', until: 50, status: 'running' });
    expect(out.metrics.time).toBe(50);
    const c = await sim('brent', '--commands', join(dir, 'commands.json'), '--json');
    expect(c.code).toBe(0);
    const s = new Simulation(compileModel(builtinScenario('brent')), { seed: 1, commands: [{ at: 0, type: 'setWipLimit', center: 'dev', limit: 4 }] });
    s.runToEnd();
    expect(JSON.parse(c.stdout).hash).toBe(s.hash());
  });

  const bad: [string, () => string[], RegExp][] = [
    ['a missing file', () => [join(dir, 'missing.json')], /missing\.json: no such file, and no built-in scenario/],
    ['an invalid JSON file', () => [join(dir, 'broken.json')], /^Scenario .*broken\.json is not valid:\n {2}\(scenario\): is not valid JSON/m],
    ['an invalid scenario', () => [join(dir, 'bad-scenario.json')], /^Scenario .*bad-scenario\.json is not valid:\n {2}horizon: /m],
    ['an unknown built-in', () => ['nosuch'], /Scenario nosuch: no such file, and no built-in scenario of that name \(built-ins: batch-size, dice-game, brent, .*mm1, penny\)/],
    ['a non-integer seed', () => ['brent', '--seed', '1.5'], /^--seed must be a whole number/m],
    ['an unknown flag', () => ['brent', '--frobnicate'], /^unknown option --frobnicate$/m],
    ['a missing value', () => ['brent', '--seed'], /^--seed needs a value$/m],
    ['negative --runs', () => ['brent', '--runs', '-2'], /^--runs must be a whole number from 1 to 100000, not "-2"$/m],
    ['too many --runs', () => ['brent', '--runs', '100001'], /^--runs must be a whole number from 1 to 100000/m],
    ['a zero --until', () => ['brent', '--until', '0'], /^--until must be a positive number/m],
    ['a bad commands file', () => ['brent', '--commands', join(dir, 'bad-commands.json')], /is not valid:\n {2}commands\[1\]: center: names no work center: "nowhere"/],
    ['a missing commands file', () => ['brent', '--commands', join(dir, 'none.json')], /Commands file .*none\.json: no such file/],
  ];
  for (const [what, args, message] of bad) {
    it(`exits 2 on ${what}`, async () => {
      const r = await sim(...args());
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(r.stderr).not.toContain('phoenix-flow sim:');
      expect(r.stdout).toBe('');
    });
  }
});

describe('sim command line, in-process parts', () => {
  it('the worker pool returns the same rows on any number of threads', async () => {
    const job = { scenario: builtinScenario('brent'), commands: [], until: 30 };
    const seeds = Array.from({ length: 12 }, (_, i) => 40 + i);
    const here = runSeeds(job, seeds);
    // Workers only (this thread idle), so the worker threads surely run seeds.
    const perThread: number[] = [];
    const threads = await runSeedsParallel(job, seeds, 2, { mainThread: false, perThread });
    expect(perThread[0]).toBe(0);
    expect(perThread[1]! + perThread[2]!).toBe(12);
    expect(threads).toEqual(here);
    const shared = await runSeedsParallel(job, seeds.slice().reverse(), 3);
    expect(shared).toEqual(here);
  });

  it('parses options and refuses bad ones with a usage hint', () => {
    expect(parseCliArgs(['brent', '--seed', '-3', '--runs', '10', '--workers', '2', '--csv'])).toMatchObject({ scenario: 'brent', seed: -3, runs: 10, workers: 2, format: 'csv' });
    expect(parseCliArgs(['mm1'])).toMatchObject({ seed: 1, runs: null, until: null, format: 'text', commandsFile: null });
    const refuse = (args: string[]) => {
      try {
        parseCliArgs(args);
      } catch (e) {
        expect(e).toBeInstanceOf(CliError);
        expect((e as CliError).showUsage).toBe(true);
        return (e as CliError).message;
      }
      throw new Error(`accepted ${args.join(' ')}`);
    };
    expect(refuse(['brent', '--json', '--csv'])).toBe('choose one of --json or --csv');
    expect(refuse(['brent', '--workers', '2'])).toBe('--workers only applies with --runs');
    expect(refuse(['brent', 'mm1'])).toMatch(/expected one scenario/);
    expect(refuse([])).toMatch(/name a scenario/);
    expect(refuse(['brent', '--seed', '1e3'])).toMatch(/--seed must be a whole number/);
    expect(refuse(['brent', '--until', 'soon'])).toMatch(/--until must be a positive number/);
  });

  it('quotes CSV fields only when needed', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(NaN)).toBe('');
    expect(csvField(1.5)).toBe('1.5');
    expect(csvField(false)).toBe('false');
  });
});
