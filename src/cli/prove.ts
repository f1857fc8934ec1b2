/**
 * `npm run sim -- prove <scenario>`: plays every strategy of a lesson over many seeds and checks
 * its proofs. Exit codes: 0 every proof passes, 1 one fails, 2 bad input (no strategies, say).
 */
import { CliError } from './CliError';
import { lessonReport, reportJson, reportMarkdown, reportText, type LessonReport } from './lessonTables';
import { loadScenario } from './loadScenario';
import type { ProveOptions } from './parseArgs';

export const EXIT_PROOF_FAILED = 1;

export interface ProveOutput {
  readonly report: LessonReport;
  readonly stdout: string;
  /** Lines for stderr: settings a strategy could not make. */
  readonly warnings: readonly string[];
  readonly exitCode: number;
}

export function prove(opts: ProveOptions): ProveOutput {
  const { scenario } = loadScenario(opts.scenario);
  const strategies = scenario.game?.strategies ?? [];
  if (strategies.length === 0) {
    throw new CliError(
      `Scenario ${opts.scenario} has no strategies to play: write them in its "game" section ("strategies", then "proofs"); see docs/scenario-format.md, section 16`,
    );
  }
  const seeds = Array.from({ length: opts.seeds }, (_, i) => opts.first + i);
  const report = lessonReport(scenario, seeds);
  const stdout = opts.format === 'json' ? reportJson(report) : opts.format === 'markdown' ? reportMarkdown(report) : reportText(report);
  const warnings = report.strategies.flatMap((s) => s.refused.map((x) => `warning: strategy "${s.id}" could not make a setting: ${x}`));
  return { report, stdout, warnings, exitCode: report.pass ? 0 : EXIT_PROOF_FAILED };
}
