import { describe, expect, it } from 'vitest';
import { compareRounds } from '../../src/game/debrief/RoundComparison';
import type { RoundStats } from '../../src/game/debrief/RoundStats';

function stats(over: Partial<RoundStats> = {}): RoundStats {
  return {
    index: 1, title: 'Round 1', start: 0, end: 20,
    done: 40, arrived: 45, throughput: 2, leadTimeMean: 10, leadTimeP50: 9, leadTimeP85: 14, leadTimeP95: 18,
    avgWip: 20, flowEfficiency: 0.25,
    utilisation: [
      { id: 'dev', name: 'Development', value: 0.7, queueTime: 1, serviceTime: 2, visits: 40 },
      { id: 'ops', name: 'Operations', value: 0.6, queueTime: 0.5, serviceTime: 0.5, visits: 40 },
    ],
    people: [
      { id: 'dev-1', name: 'Development 1', value: 0.99, named: false },
      { id: 'brent', name: 'Brent', value: 0.5, named: true },
    ],
    value: 300, latePenalty: 0, lateItems: 0, outageTime: 0, score: 300,
    deployments: 0, failedDeployments: 0, changeFailureRate: null, timeToRestore: null, leadTimeForChanges: null, reworks: 0,
    ...over,
  };
}

describe('compareRounds', () => {
  const r1 = stats();
  const r2 = stats({ index: 2, title: 'Round 2', done: 41, throughput: 2.05, leadTimeMean: 6.5, leadTimeP85: 9, avgWip: 12, flowEfficiency: 0.4, score: 250 });
  const r3 = stats({ index: 3, title: 'Round 3', done: 30, throughput: 1.5, leadTimeMean: null, leadTimeP85: null, avgWip: 14, flowEfficiency: null, score: 260 });

  it('lays the rounds side by side with formatted values', () => {
    const t = compareRounds([r1, r2, r3], 'day');
    expect(t.columns).toEqual(['Round 1', 'Round 2', 'Round 3']);
    expect(t.rows.map((r) => r.label)).toEqual(['Items done', 'Throughput per day', 'Lead time, mean', 'Lead time, 85%', 'Average WIP', 'Flow efficiency', 'Score']);
    const row = (label: string) => t.rows.find((r) => r.label === label)!;
    expect(row('Items done').values).toEqual(['40', '41', '30']);
    expect(row('Throughput per day').values).toEqual(['2.00', '2.05', '1.50']);
    expect(row('Lead time, mean').values).toEqual(['10.0 days', '6.5 days', '—']);
    expect(row('Average WIP').values).toEqual(['20.0', '12.0', '14.0']);
    expect(row('Flow efficiency').values).toEqual(['25%', '40%', '—']);
  });

  it('marks each value against the round before, knowing which way is good', () => {
    const t = compareRounds([r1, r2, r3], 'day');
    const better = (label: string) => t.rows.find((r) => r.label === label)!.better;
    expect(better('Items done')).toEqual([null, 'same', 'worse']);
    expect(better('Throughput per day')).toEqual([null, 'same', 'worse']);
    expect(better('Lead time, mean')).toEqual([null, 'better', null]);
    expect(better('Lead time, 85%')).toEqual([null, 'better', null]);
    expect(better('Average WIP')).toEqual([null, 'better', 'worse']);
    expect(better('Flow efficiency')).toEqual([null, 'better', null]);
    expect(better('Score')).toEqual([null, 'worse', 'same']);
  });

  it('adds the delivery rows when any round deployed', () => {
    const a = stats({ deployments: 0 });
    const b = stats({ deployments: 6, failedDeployments: 1, changeFailureRate: 1 / 6, timeToRestore: 0.5 });
    const c = stats({ deployments: 12, failedDeployments: 1, changeFailureRate: 1 / 12, timeToRestore: 0.8 });
    const t = compareRounds([a, b, c], 'hour');
    const row = (label: string) => t.rows.find((r) => r.label === label)!;
    expect(row('Deployments').values).toEqual(['0', '6', '12']);
    expect(row('Deployments').better).toEqual([null, 'better', 'better']);
    expect(row('Change failure rate').values).toEqual(['—', '17%', '8%']);
    expect(row('Change failure rate').better).toEqual([null, null, 'better']);
    expect(row('Time to restore').values).toEqual(['—', '0.5 hours', '0.8 hours']);
    expect(row('Time to restore').better).toEqual([null, null, 'worse']);
    expect(compareRounds([a], 'day').rows.some((r) => r.label === 'Deployments')).toBe(false);
  });

  it('handles no rounds and one round', () => {
    expect(compareRounds([]).columns).toEqual([]);
    expect(compareRounds([]).rows.every((r) => r.values.length === 0)).toBe(true);
    expect(compareRounds([r1]).rows.every((r) => r.better.length === 1 && r.better[0] === null)).toBe(true);
  });
});
