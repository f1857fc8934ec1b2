/**
 * Places labels along one axis so they do not overlap: each wants a position, labels must be at
 * least `gap` apart and inside [lo, hi]. Overlapping labels form a cluster centred on the mean of
 * what they wanted, and clusters merge until none overlap (the classic approach of chart
 * libraries). Pure, so it is unit-tested.
 */
export function spreadLabels(desired: readonly number[], gap: number, lo: number, hi: number): number[] {
  const order = desired.map((_, i) => i).sort((a, b) => desired[a]! - desired[b]! || a - b);
  interface Cluster { items: number[]; sum: number; top: number }
  const place = (c: Cluster) => {
    const k = c.items.length;
    const top = c.sum / k - ((k - 1) * gap) / 2;
    c.top = Math.max(lo, Math.min(top, hi - (k - 1) * gap));
  };
  const clusters: Cluster[] = [];
  for (const i of order) {
    const c: Cluster = { items: [i], sum: desired[i]!, top: 0 };
    place(c);
    clusters.push(c);
    // Merge backwards while the new cluster overlaps the one before it.
    while (clusters.length > 1) {
      const b = clusters[clusters.length - 1]!, a = clusters[clusters.length - 2]!;
      if (a.top + a.items.length * gap <= b.top + 1e-9) break;
      a.items.push(...b.items);
      a.sum += b.sum;
      place(a);
      clusters.pop();
    }
  }
  const out = new Array<number>(desired.length);
  for (const c of clusters) c.items.forEach((i, j) => (out[i] = c.top + j * gap));
  return out;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelRequest {
  /** The point the label names. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Horizontal distance from the point to the label's near edge. */
  offset: number;
  /** Try the left side first (default: the right). */
  preferLeft?: boolean;
}

export interface LabelPlacement {
  /** The label's box. */
  rect: Rect;
  left: boolean;
  /** Vertical distance the label moved from its point. */
  dy: number;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function inside(r: Rect, b: Rect): boolean {
  return r.x >= b.x && r.y >= b.y && r.x + r.width <= b.x + b.width && r.y + r.height <= b.y + b.height;
}

/**
 * Labels beside points without overlapping each other, the obstacles (other points) or the
 * bounds: each label tries its preferred side level with its point, then the other side, then
 * steps up and down, nearest first. Requests are placed in the order given (put the most
 * important first). If nothing fits, the label stays level with its point, clamped into bounds.
 */
export function placeLabels(requests: readonly LabelRequest[], bounds: Rect, obstacles: readonly Rect[] = [], maxSteps = 12): LabelPlacement[] {
  const placed: Rect[] = [];
  return requests.map((q) => {
    const box = (left: boolean, dy: number): Rect => ({
      x: left ? q.x - q.offset - q.width : q.x + q.offset,
      y: q.y + dy - q.height / 2,
      width: q.width,
      height: q.height,
    });
    const free = (r: Rect) => inside(r, bounds) && !placed.some((p) => overlaps(p, r)) && !obstacles.some((o) => overlaps(o, r));
    const sides = q.preferLeft ? [true, false] : [false, true];
    const step = q.height / 2 + 1;
    for (let k = 0; k <= maxSteps; k++) {
      const shifts = k === 0 ? [0] : [k * step, -k * step];
      for (const left of sides) {
        for (const dy of shifts) {
          const r = box(left, dy);
          if (free(r)) {
            placed.push(r);
            return { rect: r, left, dy };
          }
        }
      }
    }
    // Nothing free: level with the point on a side that stays in bounds.
    let left = sides[0]!;
    if (!inside({ ...box(left, 0), y: bounds.y }, { ...bounds, height: Infinity })) left = !left;
    const r = box(left, 0);
    r.y = Math.max(bounds.y, Math.min(r.y, bounds.y + bounds.height - r.height));
    placed.push(r);
    return { rect: r, left, dy: r.y + r.height / 2 - q.y };
  });
}
