/**
 * Part of `npm run bench` (a): what the pieces every engine event needs cost on this machine, each
 * timed alone in a tight loop. They show how much of the time a calendar event may take at 5
 * million per second (200 ns) is spent before any work item is moved: the calendar's schedule and
 * pop, the seeded draws (seedrandom's alea), the portable logarithm that turns a uniform draw into
 * an exponential one (Math.log may differ in the last bit between browsers), and the event-log
 * hash of each logged event.
 */
import { EventCalendar } from '../src/sim/EventCalendar';
import { EventLog } from '../src/sim/EventLog';
import { plog } from '../src/sim/PortableMath';
import { RandomStreams } from '../src/sim/RandomStreams';

export interface EngineParts {
  /** One schedule and one pop on a calendar holding `heapSize` events (as the brent run does). */
  calendarNs: number;
  drawNs: number;
  plogNs: number;
  mathLogNs: number;
  hashNs: number;
}

const N = 1_000_000;

/**
 * Best of several passes of `loop` (which runs N iterations and returns a sum that keeps its
 * work alive), in ns per iteration. Each part writes its own loop, so the part is inlined into
 * it as in the engine; a call per iteration through a shared helper would be timed instead.
 */
function nsPerIteration(loop: () => number): number {
  let best = Infinity;
  for (let pass = 0; pass < 9; pass++) {
    const t0 = performance.now();
    const sink = loop();
    best = Math.min(best, performance.now() - t0);
    if (sink === 0.123456789) console.log(sink);
  }
  return (best * 1e6) / N;
}

export function measureEngineParts(heapSize: number): EngineParts {
  const u = new Float64Array(N);
  const rng = new RandomStreams('bench').get('parts');
  for (let i = 0; i < N; i++) u[i] = rng();
  const bare = nsPerIteration(() => {
    let sink = 0;
    for (let i = 0; i < N; i++) sink += u[i]!;
    return sink;
  });
  const own = (ns: number) => Math.max(0, ns - bare);

  // A calendar kept at heapSize events: each pop is followed by a schedule a random time ahead.
  const cal = new EventCalendar(64);
  for (let k = 0; k < heapSize; k++) cal.schedule(u[k]!, 1, 1, k, 0);
  const calendarNs = nsPerIteration(() => {
    let sink = 0;
    for (let i = 0; i < N; i++) {
      cal.pop();
      cal.schedule(cal.time + u[i]!, 1 + (i & 1), 1, i, 0);
      sink += cal.a;
    }
    return sink;
  });
  const streams = Array.from({ length: 8 }, (_, k) => new RandomStreams('bench').get(`s${k}`));
  const drawNs = nsPerIteration(() => {
    let sink = 0;
    for (let i = 0; i < N; i++) sink += streams[i & 7]!();
    return sink;
  });
  const plogNs = nsPerIteration(() => {
    let sink = 0;
    for (let i = 0; i < N; i++) sink += plog(1 - u[i]!);
    return sink;
  });
  const mathLogNs = nsPerIteration(() => {
    let sink = 0;
    for (let i = 0; i < N; i++) sink += Math.log(1 - u[i]!);
    return sink;
  });
  const log = new EventLog(false);
  log.setTime(1.5);
  const hashNs = nsPerIteration(() => {
    for (let i = 0; i < N; i++) log.add(4, i, 2, 1);
    return log.count;
  });
  return { calendarNs: own(calendarNs), drawNs: own(drawNs), plogNs: own(plogNs), mathLogNs: own(mathLogNs), hashNs };
}
