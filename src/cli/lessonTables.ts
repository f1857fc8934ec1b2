/**
 * A lesson's strategies played over many seeds, as numbers a trainer can read: for each strategy
 * the mean and the 10th-90th percentile range of the scenario's `evidence` numbers (and the score)
 * over the whole game, how often it met the goal, then every proof with PASS or FAIL and its verdict line.
 * `npm run sim -- prove` prints it, and the facilitator guide embeds the markdown form, so the
 * guide's tables come from exactly the code a trainer runs to check them.
 *
 *   const report = lessonReport(scenario, firstSeeds(100));
 *   reportText(report)       // the terminal
 *   reportMarkdown(report)   // the guide, --format markdown
 *   report.pass              // every proof passed
 */
import type { Scenario } from '../scenario/ScenarioSchema';
import type { GoalSpec, LeverSpec, MetricRefSpec, StrategySpec } from '../scenario/GameSchema';
import { checkProofs, StrategyRuns } from '../game/lessons/LessonProof';
import { metricLabel, metricValue, type MetricLabel } from '../game/lessons/MetricValue';
import type { StrategyResult } from '../game/lessons/StrategyPlay';
import { percentileSorted } from '../sim/Statistics';
import { table } from './textFormat';

/** What the tables show when a scenario names no `evidence`. */
export const DEFAULT_EVIDENCE: readonly MetricRefSpec[] = [
  { metric: 'score' },
  { metric: 'throughput' },
  { metric: 'leadTimeMean' },
  { metric: 'avgWip' },
];

export interface MetricColumn {
  readonly ref: MetricRefSpec;
  /** "Lead time, mean (days)": the name and, where it has one, the unit. */
  readonly label: string;
  readonly kind: MetricLabel['kind'];
}

/** One number of one strategy over the seeds. */
export interface Spread {
  /** Null when no seed had the number (nothing done, no deployment). */
  readonly mean: number | null;
  readonly p10: number | null;
  readonly p90: number | null;
  /** Seeds that had the number. */
  readonly seeds: number;
}

export interface StrategyReport {
  readonly id: string;
  readonly label: string;
  readonly description: string | null;
  /** The settings it chooses, one line per round that changes something ("Round 2: Brent works on → Operations only"). */
  readonly settings: readonly string[];
  /** In the order of the report's columns. */
  readonly values: readonly Spread[];
  /** Seeds where the game's goal was met; null when the scenario has no goal. */
  readonly goalMet: number | null;
  /** Settings the game refused on some seed (over budget, a one-way lever moved back). */
  readonly refused: readonly string[];
}

export interface ProofReport {
  readonly claim: string;
  readonly pass: boolean;
  /** The checker's own line: means, ratio, what was needed, in how many seeds a beat b. */
  readonly verdict: string;
  /** "Wait at Operations". */
  readonly metric: string;
  /** "Protect Brent, then train Wes (whole game)". */
  readonly a: string;
  readonly b: string;
  readonly meanA: number | null;
  readonly meanB: number | null;
  readonly wins: number;
  readonly missing: number;
}

export interface LessonReport {
  readonly scenario: string;
  readonly title: string;
  readonly lesson: string | null;
  readonly timeUnit: string;
  /** Sim time the rounds cover together. */
  readonly gameLength: number;
  readonly seeds: { readonly first: number; readonly count: number };
  readonly goal: string | null;
  readonly columns: readonly MetricColumn[];
  readonly strategies: readonly StrategyReport[];
  readonly proofs: readonly ProofReport[];
  /** Every proof passed (true when there are none). */
  readonly pass: boolean;
}

/** "days" for "day"; units that already end in s stay as they are. */
function units(unit: string): string {
  return unit.endsWith('s') ? unit : `${unit}s`;
}

/** One number as a table column, named with the scenario's own names for centers and people. */
export function metricColumn(scenario: Scenario, ref: MetricRefSpec): MetricColumn {
  const unit = scenario.timeUnit ?? 'day';
  const center = scenario.workCenters.find((c) => c.id === ref.center)?.name;
  const person = (scenario.people ?? []).find((p) => p.id === ref.person)?.name;
  const l = metricLabel(ref, { center, person });
  const suffix = l.kind === 'time' ? ` (${units(unit)})` : l.kind === 'rate' ? ` (per ${unit})` : '';
  return { ref, label: `${l.name}${suffix}`, kind: l.kind };
}

/** The scenario's `evidence` and then the score if it leaves it out (as the debrief does), or the default numbers. */
export function metricColumns(scenario: Scenario): MetricColumn[] {
  const evidence = scenario.game?.evidence;
  const refs = evidence === undefined || evidence.length === 0 ? DEFAULT_EVIDENCE
    : evidence.some((e) => e.metric === 'score') ? evidence : [...evidence, { metric: 'score' as const }];
  return refs.map((ref) => metricColumn(scenario, ref));
}

/**
 * The goal's number for a played game, measured as the game screen measures it
 * (GameSession.goalResult): over the whole game, except the 85th percentile lead time, which
 * is the last round's.
 */
export function goalValue(result: StrategyResult, goal: GoalSpec): number | null {
  if (goal.metric === 'leadTimeP85') return result.rounds[result.rounds.length - 1]?.leadTimeP85 ?? null;
  return metricValue(result.game, { metric: goal.metric });
}

export function goalMet(result: StrategyResult, goal: GoalSpec): boolean {
  const v = goalValue(result, goal);
  return v !== null && (goal.atLeast !== undefined ? v >= goal.atLeast : v <= goal.atMost!);
}

function leverSetting(lever: LeverSpec, value: number | null): string {
  if (lever.kind === 'choice') return value === null ? 'none' : (lever.options[value]?.label ?? `option ${value}`);
  return value === null ? (lever.off ?? 'off') : String(value);
}

/** A strategy's settings in words, one line per round that sets something. */
export function strategySettings(scenario: Scenario, strategy: StrategySpec): string[] {
  const levers = new Map((scenario.game?.levers ?? []).map((l) => [l.id, l]));
  const out: string[] = [];
  strategy.rounds.forEach((settings, i) => {
    const parts = Object.entries(settings).map(([id, v]) => {
      const lever = levers.get(id);
      return lever === undefined ? `${id} → ${String(v)}` : `${lever.label} → ${leverSetting(lever, v)}`;
    });
    if (parts.length > 0) out.push(`Round ${i + 1}: ${parts.join('; ')}`);
  });
  return out;
}

function spread(values: readonly (number | null)[]): Spread {
  const xs = values.filter((x): x is number => x !== null && Number.isFinite(x));
  if (xs.length === 0) return { mean: null, p10: null, p90: null, seeds: 0 };
  const sorted = Float64Array.from(xs).sort();
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return { mean, p10: percentileSorted(sorted, 10), p90: percentileSorted(sorted, 90), seeds: xs.length };
}

function side(scenario: Scenario, s: { strategy: string; round?: number | undefined }): string {
  const label = scenario.game?.strategies?.find((x) => x.id === s.strategy)?.label ?? s.strategy;
  return `${label} (${s.round === undefined ? 'whole game' : `round ${s.round}`})`;
}

/** Plays every strategy of the scenario on every seed (once each) and reads the numbers. */
export function lessonReport(scenario: Scenario, seeds: readonly number[], runs = new StrategyRuns(scenario)): LessonReport {
  const g = scenario.game;
  const columns = metricColumns(scenario);
  const goal = g?.goal;
  const strategies: StrategyReport[] = (g?.strategies ?? []).map((st) => {
    const results = seeds.map((seed) => runs.get(st.id, seed));
    const refused = [...new Set(results.flatMap((r) => r.refused))];
    return {
      id: st.id,
      label: st.label,
      description: st.description ?? null,
      settings: strategySettings(scenario, st),
      values: columns.map((c) => spread(results.map((r) => metricValue(r.game, c.ref)))),
      goalMet: goal === undefined ? null : results.filter((r) => goalMet(r, goal)).length,
      refused,
    };
  });
  const proofs: ProofReport[] = checkProofs(scenario, seeds, runs).map((o) => ({
    claim: o.proof.claim,
    pass: o.pass,
    verdict: o.verdict,
    metric: metricColumn(scenario, o.proof).label,
    a: side(scenario, o.proof.a),
    b: side(scenario, o.proof.b),
    meanA: o.meanA,
    meanB: o.meanB,
    wins: o.wins,
    missing: o.missing,
  }));
  const rounds = g?.rounds ?? [];
  return {
    scenario: scenario.id,
    title: scenario.title,
    lesson: g?.lesson ?? null,
    timeUnit: scenario.timeUnit ?? 'day',
    gameLength: rounds.length > 0 ? rounds.reduce((a, r) => a + r.length, 0) : scenario.horizon,
    seeds: { first: seeds[0] ?? 1, count: seeds.length },
    goal: goal?.text ?? null,
    columns,
    strategies,
    proofs,
    pass: proofs.every((p) => p.pass),
  };
}

// ---------- writing it out ----------

const DASH = '–';

/** Decimals for a number of about this size: fewer for bigger numbers. */
export function digitsFor(x: number | null): number {
  const a = x === null || !Number.isFinite(x) ? 0 : Math.abs(x);
  return a >= 100 ? 0 : a >= 10 ? 1 : 2;
}

/** A number as the tables write it: percent for shares, else with `digits` decimals. */
export function formatValue(x: number | null, kind: MetricLabel['kind'], digits = digitsFor(x)): string {
  if (x === null || !Number.isFinite(x)) return DASH;
  if (kind === 'share') return `${Math.round(x * 100)}%`;
  const s = x.toFixed(digits);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** One number of the report, written with the decimals of its column (set by the largest mean). */
function cellWriter(r: LessonReport): (column: number, x: number | null) => string {
  const digits = r.columns.map((_, i) => Math.min(...r.strategies.map((st) => digitsFor(st.values[i]!.mean))));
  return (i, x) => formatValue(x, r.columns[i]!.kind, digits[i]);
}

function seedRange(r: LessonReport): string {
  const last = r.seeds.first + r.seeds.count - 1;
  return r.seeds.count === 1 ? `seed ${r.seeds.first}` : `seeds ${r.seeds.first}..${last}`;
}

function lengthText(r: LessonReport): string {
  return `${Number(r.gameLength.toFixed(3))} ${r.gameLength === 1 ? r.timeUnit : units(r.timeUnit)}`;
}

function goalCount(st: StrategyReport, r: LessonReport): string {
  return st.goalMet === null ? DASH : `${st.goalMet} of ${r.seeds.count}`;
}

const md = markdownText;

function proofCount(r: LessonReport): string {
  const passed = r.proofs.filter((p) => p.pass).length;
  return `${passed} of ${r.proofs.length} ${r.proofs.length === 1 ? 'proof passes' : 'proofs pass'}`;
}

/** The terminal form: a small table per strategy, then the proofs. */
export function reportText(r: LessonReport): string {
  const out = [
    `${r.title} (${r.scenario})${r.lesson !== null ? `: ${r.lesson}` : ''}`,
    `  ${r.strategies.length} ${r.strategies.length === 1 ? 'strategy' : 'strategies'}, ${seedRange(r)}, each a whole game of ${lengthText(r)}`,
  ];
  if (r.goal !== null) out.push(`  goal: ${r.goal}`);
  const cell = cellWriter(r);
  for (const st of r.strategies) {
    out.push('', `${st.label} (${st.id})`);
    if (st.description !== null) out.push(`  ${st.description}`);
    out.push(...(st.settings.length > 0 ? st.settings.map((s) => `  ${s}`) : ['  changes nothing']));
    if (st.goalMet !== null) out.push(`  goal met in ${st.goalMet} of ${r.seeds.count} seeds`);
    for (const x of st.refused) out.push(`  refused: ${x}`);
    out.push(
      ...table([
        ['', 'mean', 'p10', 'p90'],
        ...r.columns.map((c, i) => {
          const v = st.values[i]!;
          const note = v.seeds < r.seeds.count ? `  (${v.seeds} of ${r.seeds.count} seeds)` : '';
          return [c.label, cell(i, v.mean), cell(i, v.p10), cell(i, v.p90) + note];
        }),
      ]),
    );
  }
  out.push('', `Proofs, ${seedRange(r)}`);
  if (r.proofs.length === 0) out.push('  none: this scenario makes no claims');
  for (const p of r.proofs) {
    out.push(`  ${p.pass ? 'PASS' : 'FAIL'} ${p.claim}`, `       ${p.verdict}`, `       ${p.metric}; a: ${p.a}; b: ${p.b}`);
  }
  if (r.proofs.length > 0) out.push(`  ${proofCount(r)}`);
  return out.join('\n') + '\n';
}

/** Escapes what would break a markdown table cell or start markup (also for the facilitator guide). */
export function markdownText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/([*_`[\]<>])/g, '\\$1');
}

/**
 * The markdown form: how each strategy plays, one table (a row per strategy, a column per
 * number), then the proofs. Headings are left to the page that embeds it.
 */
export function reportMarkdown(r: LessonReport): string {
  const out: string[] = [];
  if (r.strategies.length > 0) {
    out.push('Ways to play:', '');
    for (const st of r.strategies) {
      const how = `*${st.settings.length > 0 ? st.settings.map(md).join('. ') : 'No lever moved'}.*`;
      const about = st.description !== null ? `${md(st.description.replace(/\.?$/, '.'))} ` : '';
      out.push(`- **${md(st.label)}** (\`${st.id}\`): ${about}${how}`);
      for (const x of st.refused) out.push(`  - Refused: ${md(x)}`);
    }
    out.push('');
    const goal = r.goal !== null;
    const cell = cellWriter(r);
    out.push(
      `| Strategy | ${r.columns.map((c) => md(c.label)).join(' | ')}${goal ? ' | Goal met |' : ' |'}`,
      `| --- | ${r.columns.map(() => '---:').join(' | ')}${goal ? ' | ---: |' : ' |'}`,
    );
    for (const st of r.strategies) {
      const cells = r.columns.map((c, i) => {
        const v = st.values[i]!;
        if (v.mean === null) return DASH;
        const few = v.seeds < r.seeds.count ? `, ${v.seeds} seeds` : '';
        return `**${cell(i, v.mean)}** (${cell(i, v.p10)} to ${cell(i, v.p90)}${few})`;
      });
      out.push(`| ${md(st.label)} | ${cells.join(' | ')}${goal ? ` | ${goalCount(st, r)} |` : ' |'}`);
    }
    out.push(
      '',
      `Over ${seedRange(r)}, each a whole game of ${lengthText(r)}: the mean in bold, and in brackets the range from the 10th to the 90th percentile (8 seeds in 10 fall inside it).` +
        (goal ? ` Goal: ${md(r.goal!)}.` : ''),
    );
  }
  out.push('');
  if (r.proofs.length === 0) out.push('Proofs: none; this scenario makes no claims.');
  else {
    out.push(`Proofs over ${seedRange(r)} (${proofCount(r)}):`, '');
    for (const p of r.proofs) {
      out.push(`- **${p.pass ? 'PASS' : 'FAIL'}** ${md(p.claim)}. ${md(p.metric)}, a = ${md(p.a)}, b = ${md(p.b)}: ${md(p.verdict)}.`);
    }
  }
  return out.join('\n') + '\n';
}

export function reportJson(r: LessonReport): string {
  return JSON.stringify(r, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
}
