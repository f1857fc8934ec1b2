/**
 * File names that say what a file is: `phoenix-flow_<scenario>_seed-<seed>_<what>.<ext>`, e.g.
 * `phoenix-flow_brent_seed-7_items.csv`. Scenario ids are built-in ids today, but a scenario
 * file could carry any text, so every part is cut down to letters, digits, dots and dashes: no
 * path separators, no spaces, nothing a file system or a shell could misread.
 */

const MAX_PART = 48;

/** A safe piece of a file name: lower case, [a-z0-9.-] only, dashes for the rest; never empty. */
export function safeNamePart(text: string, fallback = 'run'): string {
  const s = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, MAX_PART)
    .replace(/[-.]+$/g, '');
  return s === '' ? fallback : s;
}

/** A seed as the name shows it: a whole number, or its sanitised text. */
function seedPart(seed: number | string): string {
  return typeof seed === 'number' && Number.isSafeInteger(seed) ? String(seed) : safeNamePart(String(seed), 'x');
}

/** `phoenix-flow_brent_seed-7_items.csv` for ('brent', 7, 'items', 'csv'). */
export function exportFileName(scenarioId: string, seed: number | string, what: string, ext: 'csv' | 'json' | 'png'): string {
  return `phoenix-flow_${safeNamePart(scenarioId, 'scenario')}_seed-${seedPart(seed)}_${safeNamePart(what, 'export')}.${ext}`;
}
