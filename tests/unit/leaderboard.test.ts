import { describe, expect, it } from 'vitest';
import { FakeStorage } from '../support/FakeStorage';
import { resultsCode, type TeamResults } from '../../src/game/facilitator/ResultsCode';
import { BOARD_KEY, BOARD_UNREADABLE_NOTICE, ResultsBoard } from '../../src/game/facilitator/ResultsBoard';

const team = (name: string, score: number, more: Partial<TeamResults> = {}): string =>
  resultsCode({ team: name, scenarioId: 'brent', seed: 7, score, goalMet: score > 100, leadTimeMean: 2, throughput: 1, done: 10, hash: 'abcdef01', ...more });

describe('the leaderboard', () => {
  it('ranks teams by score, then lead time, then name', () => {
    const board = new ResultsBoard(new FakeStorage());
    const report = board.addText([team('Blue', 90), team('Red', 120), team('Green', 90, { leadTimeMean: 1 })].join('\n'));
    expect(report).toEqual({ added: 3, replaced: 0, problems: [] });
    expect(board.rows.map((r) => [r.rank, r.team])).toEqual([[1, 'Red'], [2, 'Green'], [3, 'Blue']]);
    expect(board.workshop).toEqual({ scenarioId: 'brent', seed: 7 });
  });

  it('replaces a team’s row when it sends a new code (names ignore case)', () => {
    const board = new ResultsBoard(new FakeStorage());
    board.addText(team('Red', 50));
    expect(board.addText(team('RED', 200))).toEqual({ added: 0, replaced: 1, problems: [] });
    expect(board.rows.map((r) => [r.team, r.score])).toEqual([['RED', 200]]);
  });

  it('adds the good codes of a paste and names each bad one', () => {
    const board = new ResultsBoard(new FakeStorage());
    const good = team('Red', 50);
    const bad = good.slice(0, 10) + (good[10] === 'A' ? 'B' : 'A') + good.slice(11);
    const other = resultsCode({ team: 'Elsewhere', scenarioId: 'finale', seed: 7, score: 1, goalMet: null, leadTimeMean: null, throughput: 0, done: 0, hash: '00000000' });
    const otherSeed = team('Lost', 10, { seed: 8 });
    const r = board.addText(`${good}\n${bad}\n\n${other}\n${otherSeed}\nnonsense`);
    expect(r.added).toBe(1);
    expect(r.problems).toHaveLength(4);
    expect(r.problems[0]).toMatch(/damaged/);
    expect(r.problems[1]).toMatch(/this board is for BRENT/);
    expect(r.problems[2]).toMatch(/seed 8; this board is for seed 7/);
    expect(r.problems[3]).toMatch(/not a results code/);
    expect(board.addText('   ').problems).toEqual(['There was no results code in that text.']);
  });

  it('is saved as a versioned record and read back', () => {
    const storage = new FakeStorage();
    const board = new ResultsBoard(storage);
    board.addText([team('Red', 1), team('Blue', 2)].join(' '));
    expect(JSON.parse(storage.map.get(BOARD_KEY)!)).toMatchObject({ version: 1, values: { codes: expect.any(Array) } });
    const again = new ResultsBoard(storage);
    expect(again.rows.map((r) => r.team)).toEqual(['Blue', 'Red']);
    expect(again.takeNotice()).toBeNull();
    again.clear();
    expect(new ResultsBoard(storage).rows).toEqual([]);
  });

  it('sets an unreadable record aside with a notice, once', () => {
    for (const bad of ['{not json', JSON.stringify({ version: 1, values: { codes: ['PF1-broken'] } }), JSON.stringify({ version: 9, values: { codes: [] } })]) {
      const storage = new FakeStorage({ [BOARD_KEY]: bad, other: 'keep' });
      const board = new ResultsBoard(storage);
      expect(board.rows).toEqual([]);
      expect(board.takeNotice()).toBe(BOARD_UNREADABLE_NOTICE);
      expect(board.takeNotice()).toBeNull();
      expect(storage.map.get(`${BOARD_KEY}.backup-1`)).toBe(bad);
      expect(storage.map.get('other')).toBe('keep');
      expect(board.persistent).toBe(true);
    }
  });

  it('works without storage, for this visit', () => {
    const board = new ResultsBoard(null);
    expect(board.persistent).toBe(false);
    expect(board.addText(team('Red', 1)).added).toBe(1);
  });
});
