import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanTeamName, readResultsCode, resultsCode, RESULTS_PREFIX, type TeamResults } from '../../src/game/facilitator/ResultsCode';
import { SCENARIO_TAGS } from '../../src/game/facilitator/ScenarioTags';

const sample: TeamResults = {
  team: 'Red Team',
  scenarioId: 'brent',
  seed: 4821,
  score: 512,
  goalMet: true,
  leadTimeMean: 3.25,
  throughput: 1.5,
  done: 57,
  hash: '9f3a01bc',
};

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('results codes', () => {
  it('round-trip a team’s results in under 80 characters', () => {
    const code = resultsCode(sample);
    expect(code.startsWith(RESULTS_PREFIX)).toBe(true);
    expect(code.length).toBeLessThan(80);
    expect(readResultsCode(code)).toEqual({ ok: true, results: sample });
    expect(readResultsCode(`  ${code.slice(0, 20)}\n${code.slice(20)} `)).toMatchObject({ ok: true });
  });

  it('keep no goal, nothing done and negative scores', () => {
    const none = { ...sample, goalMet: null, leadTimeMean: null, done: 0, throughput: 0, score: -40 };
    expect(readResultsCode(resultsCode(none))).toEqual({ ok: true, results: none });
  });

  it('cap and clean team names', () => {
    expect(cleanTeamName('  The\tVery  Long Team Name Indeed ')).toBe('The Very Long Te');
    expect(cleanTeamName('a\u0000b')).toBe('a b');
    const r = readResultsCode(resultsCode({ ...sample, team: 'Équipe ✨ Ünïcode and more' }));
    expect(r.ok && r.results.team).toBe('Équipe ✨ Ünïcode');
  });

  it('round-trip any results (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          team: fc.string({ maxLength: 20 }).map(cleanTeamName).filter((s) => s !== ''),
          scenarioId: fc.constantFrom(...SCENARIO_TAGS.map((t) => t.id)),
          seed: fc.integer({ min: 0, max: 999_999_999 }),
          score: fc.integer({ min: -1e6, max: 1e6 }),
          goalMet: fc.constantFrom(true, false, null),
          leadTimeMean: fc.option(fc.float({ min: 0, max: 1e4, noNaN: true }).map(Math.fround), { nil: null }),
          throughput: fc.float({ min: 0, max: 1e4, noNaN: true }).map(Math.fround),
          done: fc.integer({ min: 0, max: 1e6 }),
          hash: fc.integer({ min: 0, max: 0xffffffff }).map((n) => n.toString(16).padStart(8, '0')),
        }),
        (r) => {
          expect(readResultsCode(resultsCode(r))).toEqual({ ok: true, results: r });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('detect every single wrong character', () => {
    for (const team of ['Red Team', 'B', 'Équipe ✨']) {
      const code = resultsCode({ ...sample, team });
      for (let i = 0; i < code.length; i++) {
        for (const c of B64) {
          if (c === code[i]) continue;
          const typo = code.slice(0, i) + c + code.slice(i + 1);
          expect(readResultsCode(typo).ok, `${typo}`).toBe(false);
        }
      }
    }
  });

  it('answer bad input with a plain message', () => {
    const msg = (s: string) => {
      const r = readResultsCode(s);
      if (r.ok) throw new Error('accepted');
      return r.message;
    };
    const code = resultsCode(sample);
    expect(msg('')).toMatch(/Paste a results code/);
    expect(msg('hello world')).toMatch(/not a results code/);
    expect(msg(code.slice(0, -3))).toMatch(/damaged/);
    expect(msg(`${code}AA`)).toMatch(/damaged/);
    expect(msg(`PF1-${'A'.repeat(300)}`)).toMatch(/too long/);
    expect(msg(`PF1-<script>`)).toMatch(/damaged/);
    expect(readResultsCode(undefined as never).ok).toBe(false);
  });
});
