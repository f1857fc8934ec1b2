/**
 * The engine must stay pure: no renderer, no clock, no ambient randomness, no host globals.
 * That is what makes a run repeat exactly from scenario + seed + commands, in Node, a browser
 * or a worker. This test reads every source file under src/sim and checks it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SIM_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/sim');
const SRC_DIR = path.dirname(SIM_DIR);

/** Host APIs that bring in time, ambient randomness or a particular host. */
const FORBIDDEN_GLOBALS = [
  'Date',
  'performance',
  'setTimeout',
  'setInterval',
  'window',
  'document',
  'globalThis',
  'process',
  'crypto',
] as const;

/** Bare packages the engine may import (seedrandom's alea generator, by its file path only). */
const ALLOWED_PACKAGES = new Set(['seedrandom/lib/alea.js']);

/**
 * Blanks comments (always) and the text of string literals (when `blankStrings`), keeping
 * line breaks and the code inside template `${...}` so that nothing can hide in a template.
 * Regular-expression literals are not recognised; the engine has none.
 */
function stripSource(src: string, blankStrings: boolean): string {
  let out = '';
  let i = 0;
  // Brace depth of each open template expression, so `}` knows when a template resumes.
  const templateStack: number[] = [];
  let depth = 0;
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  const readString = (quote: string) => {
    const start = i;
    i++;
    while (i < src.length && src[i] !== quote && src[i] !== '\n') i += src[i] === '\\' ? 2 : 1;
    i++;
    const text = src.slice(start, i);
    out += blankStrings ? quote + blank(text.slice(1, -1)) + quote : text;
  };
  const readTemplateText = () => {
    // At a backtick or just after the `}` closing an expression; read up to `${` or the closing backtick.
    const start = i;
    for (;;) {
      if (i >= src.length) break;
      const ch = src[i]!;
      if (ch === '\\') { i += 2; continue; }
      if (ch === '`') { i++; break; }
      if (ch === '$' && src[i + 1] === '{') {
        const text = src.slice(start, i);
        out += blankStrings ? blank(text) : text;
        out += '${';
        i += 2;
        templateStack.push(depth);
        depth = 0;
        return;
      }
      i++;
    }
    const text = src.slice(start, i);
    out += blankStrings ? blank(text) : text;
  };
  while (i < src.length) {
    const ch = src[i]!;
    const next = src[i + 1];
    if (ch === '/' && next === '/') {
      const end = src.indexOf('\n', i);
      const stop = end < 0 ? src.length : end;
      out += blank(src.slice(i, stop));
      i = stop;
    } else if (ch === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? src.length : end + 2;
      out += blank(src.slice(i, stop));
      i = stop;
    } else if (ch === "'" || ch === '"') {
      readString(ch);
    } else if (ch === '`') {
      readTemplateText();
    } else if (ch === '{') {
      depth++;
      out += ch;
      i++;
    } else if (ch === '}') {
      if (depth === 0 && templateStack.length > 0) {
        depth = templateStack.pop()!;
        out += '}';
        i++;
        readTemplateText();
      } else {
        depth--;
        out += ch;
        i++;
      }
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

interface ImportRef {
  specifier: string;
  typeOnly: boolean;
  statement: string;
}

function findImports(code: string): ImportRef[] {
  const refs: ImportRef[] = [];
  const patterns: Array<[RegExp, (m: RegExpExecArray) => ImportRef]> = [
    // import x from '...', import { a, b } from '...', import type { T } from '...'
    [/\bimport\s+(type\s+)?[\w*{}\s,$]*?\bfrom\s*(['"])([^'"]+)\2/g, (m) => ({ specifier: m[3]!, typeOnly: m[1] !== undefined, statement: m[0] })],
    // import '...' (side effects only)
    [/\bimport\s*(['"])([^'"]+)\1/g, (m) => ({ specifier: m[2]!, typeOnly: false, statement: m[0] })],
    // import('...') and require('...')
    [/\b(?:import|require)\s*\(\s*(['"`])([^'"`]+)\1/g, (m) => ({ specifier: m[2]!, typeOnly: false, statement: m[0] })],
    // export { a } from '...', export * from '...', export type { T } from '...'
    [/\bexport\s+(type\s+)?[\w*{}\s,$]*?\bfrom\s*(['"])([^'"]+)\2/g, (m) => ({ specifier: m[3]!, typeOnly: m[1] !== undefined, statement: m[0] })],
  ];
  for (const [re, make] of patterns) {
    for (let m = re.exec(code); m !== null; m = re.exec(code)) refs.push(make(m));
  }
  return refs;
}

/** Every rule the source of `file` (a path under src/sim) breaks, in plain words. */
function purityViolations(file: string, source: string): string[] {
  const problems: string[] = [];
  const noComments = stripSource(source, false);
  const codeOnly = stripSource(source, true);

  for (const ref of findImports(noComments)) {
    const spec = ref.specifier;
    if (/^phaser(\/|$)/.test(spec)) {
      problems.push(`imports phaser: ${ref.statement}`);
      continue;
    }
    if (spec.startsWith('.')) {
      const target = path.resolve(path.dirname(file), spec);
      const insideSim = target === SIM_DIR || target.startsWith(SIM_DIR + path.sep);
      if (insideSim) continue;
      const inScenario = target.startsWith(path.join(SRC_DIR, 'scenario') + path.sep);
      if (inScenario && ref.typeOnly) continue;
      problems.push(
        inScenario
          ? `imports a value from outside src/sim (only "import type" from ../scenario is allowed): ${ref.statement}`
          : `imports from outside src/sim: ${ref.statement}`,
      );
      continue;
    }
    if (!ALLOWED_PACKAGES.has(spec)) problems.push(`imports the package "${spec}": ${ref.statement}`);
  }

  if (/\bMath\s*\.\s*random\b/.test(codeOnly)) problems.push('uses Math.random');
  // Engines may round these differently in the last bit (Node 20 and Chromium 156 do), which would
  // break cross-environment replays; the engine uses PortableMath instead.
  const inexact = /\bMath\s*\.\s*(log|log1p|log2|log10|exp|expm1|pow|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|asinh|acosh|atanh|cbrt|hypot)\b/.exec(codeOnly);
  if (inexact) problems.push(`uses Math.${inexact[1]} (use PortableMath)`);
  for (const name of FORBIDDEN_GLOBALS) {
    // A member such as `job.process` is fine; the bare global is not.
    const re = new RegExp(`(?<![\\w$.])${name}(?![\\w$])`);
    if (re.test(codeOnly)) problems.push(`uses ${name}`);
  }
  return problems;
}

function listTsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listTsFiles(full));
    else if (entry.name.endsWith('.ts')) out.push(full);
  }
  return out.sort();
}

describe('engine purity scanner', () => {
  // A file in src/sim, so relative imports resolve as they would for a real engine file.
  const fake = path.join(SIM_DIR, 'Planted.ts');
  const check = (src: string) => purityViolations(fake, src);

  it.each([
    ['Math.random', 'export const r = () => Math.random();', 'uses Math.random'],
    ['Math.log', 'export const l = (x: number) => Math.log(x);', 'uses Math.log (use PortableMath)'],
    ['Math.cos', 'export const c = (x: number) => Math.cos(x);', 'uses Math.cos (use PortableMath)'],
    ['Date.now', 'const t = Date.now();', 'uses Date'],
    ['new Date', 'const d = new Date();', 'uses Date'],
    ['performance.now', 'const t = performance.now();', 'uses performance'],
    ['setTimeout', 'setTimeout(() => {}, 1);', 'uses setTimeout'],
    ['setInterval', 'setInterval(() => {}, 1);', 'uses setInterval'],
    ['window', 'const w = window.innerWidth;', 'uses window'],
    ['document', 'document.title = "x";', 'uses document'],
    ['globalThis', 'const g = globalThis;', 'uses globalThis'],
    ['process', 'const e = process.env;', 'uses process'],
    ['crypto', 'const u = crypto.randomUUID();', 'uses crypto'],
    ['a global inside a template expression', 'const s = `at ${Date.now()}`;', 'uses Date'],
    ['phaser', "import Phaser from 'phaser';", 'imports phaser'],
    ['a phaser subpath', "import { Scene } from 'phaser/src/scene';", 'imports phaser'],
    ['another package', "import { z } from 'zod';", 'imports the package "zod"'],
    ['seedrandom other than alea', "import seedrandom from 'seedrandom';", 'imports the package "seedrandom"'],
    ['a value from ../scenario', "import { DISPATCH_RULES } from '../scenario/ScenarioSchema';", 'imports a value from outside src/sim'],
    ['another src folder', "import { Hud } from '../game/Hud';", 'imports from outside src/sim'],
    ['a re-export from outside', "export { Hud } from '../game/Hud';", 'imports from outside src/sim'],
    ['a dynamic import', "const p = await import('phaser');", 'imports phaser'],
    ['a require', "const fs = require('fs');", 'imports the package "fs"'],
    ['a multi-line import', "import {\n  a,\n  b,\n} from 'node:fs';", 'imports the package "node:fs"'],
  ])('detects %s', (_name, src, expected) => {
    const problems = check(src);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.some((p) => p.startsWith(expected))).toBe(true);
  });

  it.each([
    ['a type import from ../scenario', "import type { Scenario } from '../scenario/ScenarioSchema';"],
    ['a sibling module', "import { Deque } from './Deque';"],
    ['alea by its file path', "import alea from 'seedrandom/lib/alea.js';"],
    ['words in comments', '// Date, window and process are fine in prose\n/* Math.random() */ const x = 1;'],
    ['words in strings', "const s = 'the process batch waits for a Date'; const t = \"window\";"],
    ['members named like globals', 'const a = job.process; const b = c.processBatch; const d = x.window;'],
    ['identifiers containing a global name', 'const documenting = 1; const updatedDate = 2; const eventsProcessed = 3;'],
  ])('accepts %s', (_name, src) => {
    expect(check(src)).toEqual([]);
  });
});

describe('src/sim is pure', () => {
  const files = listTsFiles(SIM_DIR);

  it('finds the engine sources', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files.some((f) => f.endsWith('Simulation.ts'))).toBe(true);
  });

  it.each(files.map((f) => [path.relative(SRC_DIR, f), f]))('%s breaks no purity rule', (_rel, file) => {
    expect(purityViolations(file, readFileSync(file, 'utf8'))).toEqual([]);
  });
});
