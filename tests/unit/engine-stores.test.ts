/**
 * The engine keeps items, visits and queues in typed arrays that grow by copying. These check
 * that growing keeps every entry, and that the item views readers get from `sim.items` show the
 * live state of the run without the engine ever making them itself.
 */
import { describe, expect, it } from 'vitest';
import { IdDeque } from '../../src/sim/IdDeque';
import { ItemStore } from '../../src/sim/ItemStore';
import { T_ENTER, TIME_STRIDE, VisitStore } from '../../src/sim/VisitStore';
import { ItemState } from '../../src/sim/WorkItem';
import { runOf, simOf, tinyScenario } from '../support/sim';

describe('IdDeque', () => {
  it('is first in, first out across wrap-around and growth', () => {
    const q = new IdDeque();
    const model: number[] = [];
    let next = 0;
    // Interleave pushes and shifts so the ring wraps before it grows.
    for (let round = 0; round < 50; round++) {
      for (let k = 0; k < 7; k++) {
        q.push(next);
        model.push(next++);
      }
      for (let k = 0; k < 5; k++) expect(q.shift()).toBe(model.shift());
      expect(q.length).toBe(model.length);
      expect(q.peek()).toBe(model[0]);
    }
    expect(q.toArray()).toEqual(model);
    for (let i = 0; i < model.length; i++) expect(q.at(i)).toBe(model[i]);
  });

  it('inserts in the middle and answers -1 when there is nothing', () => {
    const q = new IdDeque();
    expect(q.peek()).toBe(-1);
    expect(q.shift()).toBe(-1);
    for (const id of [1, 2, 4, 5]) q.push(id);
    q.insertAt(2, 3);
    q.insertAt(0, 0);
    q.insertAt(99, 6);
    expect(q.toArray()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(q.at(7)).toBe(-1);
    expect(q.at(-1)).toBe(-1);
  });
});

describe('ItemStore', () => {
  it('keeps every column when it grows', () => {
    const s = new ItemStore(1);
    for (let i = 0; i < 1000; i++) {
      const id = s.add();
      expect(id).toBe(i);
      s.type[id] = i % 7;
      s.created[id] = i / 3;
      s.exempt[id] = i % 2;
    }
    expect(s.count).toBe(1000);
    for (let i = 0; i < 1000; i++) {
      expect(s.type[i]).toBe(i % 7);
      expect(s.created[i]).toBe(i / 3);
      expect(s.exempt[i]).toBe(i % 2);
      // Fields that start at -1 (not yet happened) were set for every item, old and new.
      expect(s.done[i]).toBe(-1);
      expect(s.visit[i]).toBe(-1);
    }
  });
});

describe('VisitStore', () => {
  it('keeps visits and their chains when it grows', () => {
    const v = new VisitStore(1);
    let prev = -1;
    for (let i = 0; i < 500; i++) {
      const id = v.add(prev, i % 5, i % 3, i % 2);
      v.times[id * TIME_STRIDE + T_ENTER] = i;
      prev = id;
    }
    let n = 0;
    for (let i = 0; i >= 0; i = v.next(i), n++) {
      expect(v.step(i)).toBe(n % 5);
      expect(v.center(i)).toBe(n % 3);
      expect(v.flags(i)).toBe(n % 2);
      expect(v.enter(i)).toBe(n);
      expect(v.start(i)).toBe(-1);
      expect(v.person(i)).toBe(-1);
      expect(v.blockedBy(i)).toBe(-1);
    }
    expect(n).toBe(500);
  });
});

describe('sim.items', () => {
  it('gives views of the live state, made once and kept', () => {
    const sim = simOf(tinyScenario());
    sim.advanceTo(10);
    const before = sim.items;
    const first = before[0]!;
    expect(sim.items.length).toBe(sim.itemCount);
    sim.runToEnd();
    const after = sim.items;
    // The same views, still reading the run: the first item is done by now.
    expect(after[0]).toBe(first);
    expect(first.state).toBe(ItemState.Done);
    expect(first.done).toBeGreaterThanOrEqual(first.created);
    expect(after.length).toBe(sim.itemCount);
    expect(after.map((it) => it.id)).toEqual(after.map((_, i) => i));
  });

  it('reads the same numbers as the engine keeps', () => {
    const sim = runOf(tinyScenario());
    const s = sim.itemStore;
    for (const it of sim.items) {
      expect(it.created).toBe(s.created[it.id]);
      expect(it.done).toBe(s.done[it.id]);
      expect(it.workTime).toBe(s.workTime[it.id]);
      expect(it.exempt).toBe(s.exempt[it.id] === 1);
    }
  });
});
