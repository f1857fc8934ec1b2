/**
 * One card's story in plain words: every stretch of its life from the request to done (or to
 * the moment shown), what it was doing and, when it waited, for what or whom — "waited 3.2 days
 * for Brent", "blocked 1.5 days by QA's WIP limit". Read from the engine's visit records
 * (itemRecord), so it is exactly the run's history; computed at any time of a replay, with the
 * stretch in progress marked "so far".
 */
import { itemRecord, type Model, type Simulation } from '../../sim';
import { duration, percent } from '../Format';

export type LegKind = 'backlog' | 'queue' | 'work' | 'blocked' | 'batch' | 'release' | 'done';

export interface JourneyLeg {
  readonly kind: LegKind;
  /** Work center id, or null for the backlog and done. */
  readonly center: string | null;
  readonly from: number;
  readonly to: number;
  /** Still going on at the time shown. */
  readonly ongoing: boolean;
  readonly text: string;
}

export interface Journey {
  readonly id: number;
  /** "Card 12: Feature (business project)". */
  readonly title: string;
  /** Where it is now, or its lead time when done. */
  readonly status: string;
  readonly legs: readonly JourneyLeg[];
  /** The longest wait, in words, or null if it never waited. */
  readonly longestWait: string | null;
}

/** Waits shorter than this (in time units) are not worth a line. */
const NEGLIGIBLE = 1e-6;

export function itemJourney(sim: Simulation, id: number): Journey | null {
  if (!Number.isInteger(id) || id < 0 || id >= sim.items.length) return null;
  const m = sim.model;
  const r = itemRecord(sim, id);
  const now = sim.now;
  const unit = m.timeUnit;
  const at = (t: number) => `${unit} ${(Math.floor(t * 10) / 10).toFixed(1)}`;
  const centerName = (cid: string) => m.centers.find((c) => c.id === cid)?.name ?? cid;
  const legs: JourneyLeg[] = [];
  const add = (kind: LegKind, center: string | null, from: number, to: number, ongoing: boolean, text: string) => {
    if (to - from > NEGLIGIBLE || ongoing || kind === 'work') legs.push({ kind, center, from, to, ongoing, text: ongoing ? `${text} so far` : text });
  };

  const released = r.released >= 0 ? r.released : -1;
  add('backlog', null, r.created, released >= 0 ? released : now, released < 0, `Waited ${duration((released >= 0 ? released : now) - r.created, unit)} in the backlog before it was let in`);

  for (const s of r.steps) {
    if (s.entered < 0) continue;
    const name = centerName(s.center);
    const rework = s.rework ? ' (rework: a defect came back)' : '';
    const queueEnd = s.started >= 0 ? s.started : now;
    add('queue', s.center, s.entered, queueEnd, s.started < 0, `Waited ${duration(queueEnd - s.entered, unit)} ${waitWords(m, r.type, s.step, s.center)} at ${name}${rework}`);
    if (s.started < 0) continue;
    const workEnd = s.finished >= 0 ? s.finished : now;
    const who = personWords(m, s.person);
    add('work', s.center, s.started, workEnd, s.finished < 0, `Worked on ${duration(workEnd - s.started, unit)} at ${name}${who}${s.preempted ? ', interrupted by an incident' : ''}${rework}`);
    if (s.finished < 0) continue;
    const leftAt = s.left >= 0 ? s.left : r.done >= 0 ? r.done : now;
    const ongoing = s.left < 0 && r.done < 0;
    const spell = duration(leftAt - s.finished, unit);
    const next = s.blockedBy !== null ? centerName(s.blockedBy) : null;
    if (next !== null && s.waitedForBatch) add('blocked', s.center, s.finished, leftAt, ongoing, `Waited ${spell} at ${name} for its batch and for room at ${next} (${possessive(next)} WIP limit)`);
    else if (next !== null) add('blocked', s.center, s.finished, leftAt, ongoing, `Blocked ${spell} at ${name} by ${possessive(next)} WIP limit`);
    else if (s.waitedForBatch) add('batch', s.center, s.finished, leftAt, ongoing, `Waited ${spell} at ${name} for the rest of its batch`);
    else if (s.left < 0 && r.done >= 0 && leftAt - s.finished > NEGLIGIBLE) add('release', s.center, s.finished, leftAt, false, `Waited ${spell} after ${name} to be released`);
  }

  const type = m.types.find((t) => t.id === r.type);
  const title = `Card ${r.id}: ${type?.name ?? r.type} (${kindWords(r.kind)})`;
  let status: string;
  if (r.done >= 0) {
    status = `Done at ${at(r.done)}: lead time ${duration(r.leadTime, unit)}, worked on ${percent(r.flowEfficiency)} of it${r.late ? ', late' : ''}.`;
    legs.push({ kind: 'done', center: null, from: r.done, to: r.done, ongoing: false, text: `Done at ${at(r.done)}` });
  } else {
    status = `Not done yet at ${at(now)}: requested at ${at(r.created)}, ${duration(now - r.created, unit)} earlier.`;
  }
  let longest: JourneyLeg | null = null;
  for (const l of legs) if (l.kind !== 'work' && l.kind !== 'done' && (longest === null || l.to - l.from > longest.to - longest.from)) longest = l;
  return { id: r.id, title, status, legs, longestWait: longest === null ? null : `Longest wait: ${lowerFirst(longest.text)}` };
}

/** What a queued card waited for: "for Brent", "for the next release", "in the queue". */
function waitWords(m: Model, typeId: string, step: number, centerId: string): string {
  const c = m.centers.find((x) => x.id === centerId);
  if (c === undefined) return 'in the queue';
  if (c.deploy && c.releaseEvery > 0) return 'for the next release';
  // Name a person only when the card could wait for no one else: the only one at this desk with
  // the skill the step needs (Brent); at a desk of several it waited for whoever came free.
  const need = m.types.find((t) => t.id === typeId)?.route[step]?.skillMask ?? 0;
  const able = c.people.map((i) => m.people[i]!).filter((p) => (p.skillMask & need) === need);
  const only = able.length === 1 ? able[0]! : null;
  return only !== null && only.named ? `for ${only.name}` : 'in the queue';
}

function personWords(m: Model, personId: string | null): string {
  const p = personId === null ? undefined : m.people.find((x) => x.id === personId);
  return p !== undefined && p.named ? ` by ${p.name}` : '';
}

function possessive(name: string): string {
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}

function kindWords(kind: string): string {
  return kind === 'business' ? 'business project' : kind === 'internal' ? 'internal project' : kind === 'unplanned' ? 'unplanned work' : kind;
}

function lowerFirst(s: string): string {
  return s.length === 0 ? s : s[0]!.toLowerCase() + s.slice(1);
}

