/** Small helpers for the human-readable output: numbers that read well, and aligned columns. */

/** A number with `digits` decimals (trailing zeros kept for alignment); "n/a" when undefined. */
export function num(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return 'n/a';
  return x.toFixed(digits);
}

/** Up to `digits` decimals without trailing zeros: "60", "12.5". */
export function short(x: number, digits = 2): string {
  return Number.isFinite(x) ? String(Number(x.toFixed(digits))) : 'n/a';
}

export function pct(x: number, digits = 1): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(digits)}%` : 'n/a';
}

/** Columns two spaces apart: labels left-aligned, numbers right-aligned so decimals line up. */
export function table(rows: readonly (readonly string[])[], indent = '  '): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((r) => indent + r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd());
}

/** "label   value" lines: the values are sentences, so they stay left-aligned. */
export function fields(rows: readonly (readonly [string, string])[], indent = '  '): string[] {
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${indent}${k.padEnd(width)}  ${v}`.trimEnd());
}
