import { describe, expect, it } from 'vitest';
import { describeChange, relativeChange } from '../../src/game/debrief/Change';
import type { RoundStats } from '../../src/game/debrief/RoundStats';
import { takeaway } from '../../src/game/debrief/Takeaway';

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

describe('relativeChange', () => {
  it('calls a move of 5% or less "held" and words the rest in whole percents', () => {
    expect(relativeChange(100, 105)).toEqual({ direction: 'held', percent: 5 });
    expect(relativeChange(100, 105.4)).toEqual({ direction: 'held', percent: 5 });
    expect(relativeChange(100, 106)).toEqual({ direction: 'rose', percent: 6 });
    expect(relativeChange(20, 12)).toEqual({ direction: 'fell', percent: 40 });
    expect(relativeChange(3, 3)).toEqual({ direction: 'held', percent: 0 });
    expect(describeChange(relativeChange(20, 12)!)).toBe('fell 40%');
    expect(describeChange(relativeChange(2, 2.02)!)).toBe('held');
  });

  it('handles zero, negative and missing values', () => {
    expect(relativeChange(0, 0)).toEqual({ direction: 'held', percent: 0 });
    expect(relativeChange(0, 3)).toEqual({ direction: 'rose', percent: null });
    expect(describeChange(relativeChange(0, 3)!)).toBe('rose from 0');
    expect(relativeChange(-10, -5)).toEqual({ direction: 'rose', percent: 50 });
    expect(relativeChange(null, 3)).toBeNull();
    expect(relativeChange(3, null)).toBeNull();
    expect(relativeChange(NaN, 3)).toBeNull();
  });
});

describe('takeaway', () => {
  it('describes the first round as a baseline', () => {
    const lines = takeaway(stats(), null, 'day');
    expect(lines[0]).toBe('Baseline: 40 items done (2.0 per day), lead time 10.0 days on average, 85% within 14.0 days, 20.0 items in progress on average.');
    expect(lines).toContain('No work center was busy 85% of the time; the busiest was Development at 70%.');
    expect(lines.at(-1)).toBe('Score: 300.');
  });

  it('reads the change against the previous round in plain words', () => {
    const prev = stats();
    const cur = stats({ index: 2, title: 'Round 2', avgWip: 12, leadTimeMean: 6.5, throughput: 2.06, score: 340 });
    const lines = takeaway(cur, prev, 'day');
    expect(lines[0]).toBe('WIP fell 40%, lead time fell 35%, throughput held.');
    expect(lines[1]).toBe("Less work in progress, shorter lead time: Little's law (lead time = WIP ÷ throughput).");
    expect(lines.at(-1)).toBe('Score: 340, up 40 on last round.');
  });

  it('says more WIP meant longer lead times, and not when throughput explains it', () => {
    const prev = stats();
    const worse = takeaway(stats({ avgWip: 30, leadTimeMean: 15 }), prev, 'day');
    expect(worse[0]).toBe('WIP rose 50%, lead time rose 50%, throughput held.');
    expect(worse[1]).toBe("More work in progress, longer lead time: Little's law (lead time = WIP ÷ throughput).");
    const busier = takeaway(stats({ avgWip: 30, leadTimeMean: 11, throughput: 2.7 }), prev, 'day');
    expect(busier[0]).toBe('WIP rose 50%, lead time rose 10%, throughput rose 35%.');
    expect(busier.some((l) => l.includes("Little's law"))).toBe(false);
  });

  it('names the busiest center as the likely constraint from 85% busy, and a busy named person', () => {
    const r = stats({
      utilisation: [
        { id: 'dev', name: 'Development', value: 0.8, queueTime: 1, serviceTime: 2, visits: 40 },
        { id: 'ops', name: 'Operations', value: 0.96, queueTime: 2.25, serviceTime: 0.5, visits: 40 },
      ],
      people: [{ id: 'brent', name: 'Brent', value: 0.984, named: true }],
    });
    const lines = takeaway(r, null, 'day');
    expect(lines).toContain('Operations was busy 96% of the time: work queued in front of it (2.3 days on average).');
    expect(lines).toContain('Brent was busy 98% of the time: everything that needs Brent waits for Brent.');
  });

  it('mentions deployments, outages, rework and late items when there are any', () => {
    const lines = takeaway(stats({ deployments: 4, failedDeployments: 1, changeFailureRate: 0.25, outageTime: 3.25, reworks: 1, lateItems: 2 }), null, 'hour');
    expect(lines).toContain('4 deployments, 1 failed.');
    expect(lines).toContain('Unplanned work (incidents) was open for 3.3 hours in total.');
    expect(lines).toContain('1 item went back for rework.');
    expect(lines).toContain('2 items finished late.');
    expect(takeaway(stats({ deployments: 1 }), null, 'day')).toContain('1 deployment, none failed.');
  });

  it('leaves out what says nothing: a zero score, a 0% busiest center, an idle center when a person is the constraint', () => {
    const idle = stats({ score: 0, utilisation: [{ id: 'a', name: 'Alice', value: 0.004, queueTime: null, serviceTime: null, visits: 0 }], people: [] });
    expect(takeaway(idle, stats({ score: 0 }), 'day').some((l) => l.startsWith('Score') || l.includes('busiest'))).toBe(false);
    const brent = takeaway(stats({ people: [{ id: 'brent', name: 'Brent', value: 0.9, named: true }] }), null, 'day');
    expect(brent.some((l) => l.includes('busiest'))).toBe(false);
    expect(brent).toContain('Brent was busy 90% of the time: everything that needs Brent waits for Brent.');
    expect(takeaway(stats({ score: 0 }), stats({ score: 12 }), 'day').at(-1)).toBe('Score: 0, down 12 on last round.');
  });

  it('copes with rounds where nothing finished', () => {
    const none = stats({ done: 0, throughput: 0, leadTimeMean: null, leadTimeP50: null, leadTimeP85: null, leadTimeP95: null, flowEfficiency: null, avgWip: 0, utilisation: [], people: [] });
    expect(takeaway(none, null, 'day')[0]).toBe('Baseline: no items finished yet, 0.0 items in progress on average.');
    const lines = takeaway(stats({ done: 0, throughput: 0, leadTimeMean: null, avgWip: 25 }), stats(), 'day');
    expect(lines[0]).toBe('No items finished this round; WIP rose 25%.');
    const back = takeaway(stats(), none, 'day');
    expect(back[0]).toBe('WIP rose from 0, throughput rose from 0.');
    for (const l of [...lines, ...back]) expect(l).not.toMatch(/NaN|undefined|null|Infinity/);
  });

  it('is the same every time for the same numbers', () => {
    const a = takeaway(stats({ avgWip: 12 }), stats(), 'day');
    const b = takeaway(stats({ avgWip: 12 }), stats(), 'day');
    expect(a).toEqual(b);
  });
});
