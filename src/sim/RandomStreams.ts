/**
 * Named, independent random streams from seedrandom, one per source of randomness
 * ("arrivals:feature:0", "effort:feature:2", ...). Because each source draws only from its
 * own stream, changing a policy leaves arrivals and task sizes untouched: two policies on
 * one seed see the same dice (common random numbers).
 */
import alea from 'seedrandom/lib/alea.js';

export type Rng = () => number;

export class RandomStreams {
  private readonly streams = new Map<string, Rng>();
  constructor(readonly seed: string) {}

  get(name: string): Rng {
    let s = this.streams.get(name);
    if (s === undefined) {
      s = alea(`${this.seed}\u0000${name}`) as Rng;
      this.streams.set(name, s);
    }
    return s;
  }
}
