import type { Model } from './Model';

/**
 * Every work type's route flattened into typed arrays, a step at `type * stride + step`: the hot
 * loop reads a step's center or rework factor with one lookup instead of walking the model's
 * objects (types, then route, then step). Built once per run from the immutable model.
 */
export class RouteTable {
  /** Longest route of the model: the distance between two types' first steps. */
  readonly stride: number;
  /** Steps in each type's route. */
  readonly length: Int32Array;
  readonly center: Int32Array;
  readonly reworkFactor: Float64Array;

  constructor(model: Model) {
    const stride = Math.max(1, ...model.types.map((t) => t.route.length));
    const n = stride * model.types.length;
    this.stride = stride;
    this.length = Int32Array.from(model.types.map((t) => t.route.length));
    this.center = new Int32Array(n).fill(-1);
    this.reworkFactor = new Float64Array(n);
    model.types.forEach((t, ti) =>
      t.route.forEach((s, step) => {
        this.center[ti * stride + step] = s.center;
        this.reworkFactor[ti * stride + step] = s.reworkFactor;
      }),
    );
  }
}
