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
import { parseProveArgs } from '../../src/cli/parseArgs';
import { formatValue, goalValue, lessonReport, reportJson, strategySettings } from '../../src/cli/lessonTables';
import { parseScenario } from '../../src/scenario/parseScenario';
import { firstSeeds } from '../../src/game/lessons/LessonProof';
import { playStrategy } from '../../src/game/lessons/StrategyPlay';
import { GameSession } from '../../src/game/GameSession';
import deskFixture from '../fixtures/desk-lesson.json';

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

/**
 * A small lesson of its own (tests/fixtures/desk-lesson.json), so these tests do not depend on
 * the shipped lessons: one desk at 90% busy; round 2 may cap the work in progress. The cap surely
 * cuts WIP at the desk (the fixture's proof passes); lead time counts the wait in the backlog
 * too, so it does not halve (FAILING_PROOF).
 */
const PASSING_PROOF = deskFixture.game.proofs[0]!;
const FAILING_PROOF = { claim: 'A cap halves the lead time', metric: 'leadTimeMean', a: { strategy: 'cap', round: 2 }, b: { strategy: 'push', round: 2 }, expect: 'lower', ratio: 2 };
type Lesson = Record<string, unknown> & { game: Record<string, unknown> };
function deskLesson(proofs: unknown[]): Lesson {
  const s = structuredClone(deskFixture) as unknown as Lesson;
  s.game = { ...s.game, proofs };
  return s;
}
function deskScenario(proofs: unknown[]) {
  const r = parseScenario(deskLesson(proofs));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.scenario;
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
  writeFileSync(join(dir, 'lesson.json'), JSON.stringify(deskLesson([PASSING_PROOF])));
  writeFileSync(join(dir, 'lesson-failing.json'), JSON.stringify(deskLesson([PASSING_PROOF, FAILING_PROOF])));
  const { strategies: _s, proofs: _p, ...noStrategies } = deskLesson([]).game;
  writeFileSync(join(dir, 'lesson-no-strategies.json'), JSON.stringify({ ...deskLesson([]), game: noStrategies }));
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
    ['prove without a scenario', () => ['prove'], /^name a scenario to prove: a JSON file or a built-in id$/m],
    ['prove with two scenarios', () => ['prove', 'brent', 'mm1'], /^expected one scenario, got 2: brent mm1$/m],
    ['prove with an unknown format', () => ['prove', 'brent', '--format', 'html'], /^--format must be one of text, markdown, json, not "html"$/m],
    ['prove with no seeds', () => ['prove', 'brent', '--seeds', '0'], /^--seeds must be a whole number from 1 to 10000, not "0"$/m],
    ['prove with a fractional first seed', () => ['prove', 'brent', '--first', '1.5'], /^--first must be a whole number/m],
    ['prove with an option of the plain run', () => ['prove', 'brent', '--runs', '3'], /^unknown option --runs$/m],
    ['prove on a scenario without strategies', () => [join(dir, 'lesson-no-strategies.json')].flatMap((f) => ['prove', f]), /^Scenario .*lesson-no-strategies\.json has no strategies to play: write them in its "game" section/m],
    ['prove on a scenario without a game', () => ['prove', 'mm1'], /^Scenario mm1 has no strategies to play/m],
    ['prove on an invalid scenario', () => ['prove', join(dir, 'bad-scenario.json')], /^Scenario .*bad-scenario\.json is not valid:\n {2}horizon: /m],
    ['prove on an unknown built-in', () => ['prove', 'nosuch'], /^Scenario nosuch: no such file, and no built-in scenario of that name/m],
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

describe.concurrent('sim prove', () => {
  it('prints each strategy\'s numbers and the proofs, and exits 0 when all pass', async () => {
    const r = await sim('prove', join(dir, 'lesson.json'), '--seeds', '20');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('One desk, two rounds (desk-lesson): A cap on work in progress');
    expect(r.stdout).toContain('2 strategies, seeds 1..20, each a whole game of 200 hours');
    expect(r.stdout).toMatch(/^Cap the WIP \(cap\)\n {2}Three tickets at most from round 2\n {2}Round 2: Release of new work → Cap at 3\n {2}goal met in \d+ of 20 seeds$/m);
    expect(r.stdout).toMatch(/^Push \(push\)\n {2}changes nothing$/m);
    expect(r.stdout).toMatch(/^ {2}WIP, average +[\d.]+ +[\d.]+ +[\d.]+$/m);
    expect(r.stdout).toMatch(/^ {2}Lead time, mean \(hours\) +[\d.]+/m);
    expect(r.stdout).toMatch(/^ {2}Service desk busy +\d+% +\d+% +\d+%$/m);
    expect(r.stdout).toMatch(/^ {2}PASS A cap cuts the WIP at the desk in round 2\n {7}a [\d.]+ vs b [\d.]+ .*; a lower in \d+ of 20 seeds\n {7}WIP, average; a: Cap the WIP \(round 2\); b: Push \(round 2\)$/m);
    expect(r.stdout).toMatch(/1 of 1 proof passes\n$/);
  });

  it('exits 1 when a proof fails, and says which', async () => {
    const r = await sim('prove', join(dir, 'lesson-failing.json'), '--seeds', '20', '--first', '7');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Proofs, seeds 7..26');
    expect(r.stdout).toMatch(/^ {2}PASS A cap cuts the WIP/m);
    expect(r.stdout).toMatch(/^ {2}FAIL A cap halves the lead time\n {7}a [\d.]+ vs b [\d.]+ \([\d.]+x\), needed lower by 2x;/m);
    expect(r.stdout).toMatch(/1 of 2 proofs pass\n$/);
  });

  it('--format json is the in-process report; --format markdown is the guide\'s table', async () => {
    const [json, markdown] = await Promise.all([
      sim('prove', join(dir, 'lesson-failing.json'), '--seeds', '12', '--first', '3', '--format', 'json'),
      sim('prove', join(dir, 'lesson.json'), '--seeds', '12', '--format', 'markdown'),
    ]);
    expect(json.code).toBe(1);
    const seeds = Array.from({ length: 12 }, (_, i) => 3 + i);
    expect(json.stdout).toBe(reportJson(lessonReport(deskScenario([PASSING_PROOF, FAILING_PROOF]), seeds)));
    const out = JSON.parse(json.stdout);
    expect(out).toMatchObject({ scenario: 'desk-lesson', seeds: { first: 3, count: 12 }, pass: false });
    expect(out.proofs.map((p: { pass: boolean }) => p.pass)).toEqual([true, false]);
    expect(markdown.code).toBe(0);
    // The lesson's evidence, then the score it leaves out (as the debrief does), then the goal.
    expect(markdown.stdout).toContain('| Strategy | WIP, average | Lead time, mean (hours) | Service desk busy | Score | Goal met |');
    expect(markdown.stdout).toContain('- **Cap the WIP** (`cap`): Three tickets at most from round 2. *Round 2: Release of new work → Cap at 3.*');
    expect(markdown.stdout).toContain('- **Push** (`push`): *No lever moved.*');
    expect(markdown.stdout).toMatch(/^\| Cap the WIP \| \*\*[\d.]+\*\* \([\d.]+ to [\d.]+\) \|/m);
    expect(markdown.stdout).toMatch(/^- \*\*PASS\*\* A cap cuts the WIP at the desk in round 2\. /m);
  });

  it('checks a built-in lesson the way the tests do', async () => {
    const r = await sim('prove', 'brent', '--seeds', '5', '--format', 'json');
    const report = lessonReport(builtinScenario('brent'), firstSeeds(5));
    expect(r.stdout).toBe(reportJson(report));
    expect(r.code).toBe(report.pass ? 0 : 1);
  });

  it('--help shows the prove usage', async () => {
    const r = await sim('prove', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('npm run sim -- prove <scenario.json | built-in id> [--seeds N] [--first S]');
  });
});

describe('lesson tables, in-process', () => {
  it('the goal is measured as the game measures it', () => {
    const cases = (['leadTimeMean', 'leadTimeP85', 'throughput', 'done', 'score', 'value'] as const).flatMap((metric) => [0, 50].map((warmup) => ({ metric, warmup })));
    for (const { metric, warmup } of cases) {
      const raw = deskLesson([]);
      raw.game.goal = { text: 'g', metric, atMost: 5 };
      raw.warmup = warmup;
      const parsed = parseScenario(raw);
      if (!parsed.ok) throw new Error(parsed.errors.join('; '));
      const s = parsed.scenario;
      for (const st of s.game!.strategies!) {
        for (const seed of [1, 2]) {
          const session = new GameSession(s.id, s, seed);
          for (let i = 0; i < session.rounds.length; i++) {
            for (const [id, v] of Object.entries(st.rounds[i] ?? {})) session.setLever(id, v);
            session.startRound();
            session.endRound();
            session.nextRound();
          }
          expect(goalValue(playStrategy(s, st, seed), s.game!.goal!), `${metric} ${st.id} ${seed} warm-up ${warmup}`).toBe(session.goalResult()!.value);
        }
      }
    }
  });

  it('writes settings in words and numbers with a few decimals', () => {
    const s = deskScenario([]);
    expect(strategySettings(s, s.game!.strategies![1]!)).toEqual(['Round 2: Release of new work → Cap at 3']);
    expect(strategySettings(s, s.game!.strategies![0]!)).toEqual([]);
    expect(formatValue(532.4, 'points')).toBe('532');
    expect(formatValue(17.83, 'count')).toBe('17.8');
    expect(formatValue(1.5678, 'rate')).toBe('1.57');
    expect(formatValue(0.7812, 'share')).toBe('78%');
    expect(formatValue(-0.001, 'time')).toBe('0.00');
    expect(formatValue(null, 'time')).toBe('–');
    expect(formatValue(2, 'time', 0)).toBe('2');
  });

  it('parses prove options', () => {
    expect(parseProveArgs(['brent'])).toEqual({ help: false, scenario: 'brent', first: 1, seeds: 100, format: 'text' });
    expect(parseProveArgs(['x.json', '--seeds', '200', '--first', '-4', '--format', 'markdown'])).toEqual({ help: false, scenario: 'x.json', first: -4, seeds: 200, format: 'markdown' });
  });
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
