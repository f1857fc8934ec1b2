/**
 * Results codes: what a team sends the facilitator after its last round, and the leaderboard
 * reads back. A small binary record — team name, scenario, seed, score, goal met, mean lead time,
 * throughput, items done, the first 32 bits of the run's event-log hash — with a CRC-16 at the
 * end, written as `PF1-` and base64url (about 60 characters). The CRC catches any single wrong
 * character: one base64 character spans at most 6 bits, a burst CRC-16 always detects. Pure.
 *
 *   const code = resultsCode({ team: 'Red', scenarioId: 'brent', seed: 7, score: 512, ... });
 *   readResultsCode(code)   // { ok: true, results: { team: 'Red', ... } }
 */
import { fromBase64Url, toBase64Url } from './Base64Url';
import { SCENARIO_TAGS, tagIndex } from './ScenarioTags';

export const RESULTS_PREFIX = 'PF1-';
const FORMAT_VERSION = 1;
/** Team names are cut to this many characters. */
export const MAX_TEAM_NAME = 16;
const FIXED_BYTES = 28;

export interface TeamResults {
  readonly team: string;
  readonly scenarioId: string;
  readonly seed: number;
  /** Game score, rounded to a whole number. */
  readonly score: number;
  /** Whether the lesson's goal was met; null when it has none. */
  readonly goalMet: boolean | null;
  /** Mean lead time over the game, in the scenario's time unit; null when nothing was done. */
  readonly leadTimeMean: number | null;
  /** Items done per time unit over the game. */
  readonly throughput: number;
  readonly done: number;
  /** The first 8 hex digits of the run's event-log hash: equal runs have equal hashes. */
  readonly hash: string;
}

export type ResultsCodeRead = { readonly ok: true; readonly results: TeamResults } | { readonly ok: false; readonly message: string };

/** A team name as codes carry it: printable characters, spaces collapsed, at most 16 characters. */
export function cleanTeamName(name: string): string {
  const printable = [...name.replace(/[\p{C}]/gu, ' ').replace(/\s+/g, ' ').trim()];
  return printable.slice(0, MAX_TEAM_NAME).join('').trim();
}

export function resultsCode(r: TeamResults): string {
  const scenario = tagIndex(r.scenarioId);
  if (scenario < 0) throw new Error(`scenario "${r.scenarioId}" has no tag for codes`);
  const name = new TextEncoder().encode(cleanTeamName(r.team));
  const bytes = new Uint8Array(FIXED_BYTES + name.length + 2);
  const v = new DataView(bytes.buffer);
  v.setUint8(0, FORMAT_VERSION);
  v.setUint8(1, scenario);
  v.setUint32(2, clampInt(r.seed, 0, 0xffffffff));
  v.setInt32(6, clampInt(r.score, -0x7fffffff, 0x7fffffff));
  v.setUint8(10, (r.goalMet === true ? 1 : 0) | (r.goalMet !== null ? 2 : 0) | (r.leadTimeMean !== null ? 4 : 0));
  v.setFloat32(11, r.leadTimeMean ?? 0);
  v.setFloat32(15, Number.isFinite(r.throughput) ? r.throughput : 0);
  v.setUint32(19, clampInt(r.done, 0, 0xffffffff));
  v.setUint32(23, parseInt((r.hash + '00000000').slice(0, 8), 16) >>> 0);
  v.setUint8(27, name.length);
  bytes.set(name, FIXED_BYTES);
  v.setUint16(FIXED_BYTES + name.length, crc16(bytes.subarray(0, FIXED_BYTES + name.length)));
  return RESULTS_PREFIX + toBase64Url(bytes);
}

const DAMAGED = 'This results code is damaged: ask the team to copy it again.';

/** Reads one results code; a plain message when it cannot be used. Never throws. */
export function readResultsCode(text: string): ResultsCodeRead {
  const typed = typeof text === 'string' ? text.replace(/\s+/g, '') : '';
  if (typed === '') return { ok: false, message: 'Paste a results code: it starts with PF1-.' };
  if (typed.length > 200) return { ok: false, message: 'That is too long for a results code.' };
  if (!typed.startsWith(RESULTS_PREFIX)) return { ok: false, message: 'That is not a results code: they start with PF1-.' };
  const bytes = fromBase64Url(typed.slice(RESULTS_PREFIX.length));
  if (bytes === null || bytes.length < FIXED_BYTES + 2) return { ok: false, message: DAMAGED };
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const body = bytes.length - 2;
  if (crc16(bytes.subarray(0, body)) !== v.getUint16(body)) return { ok: false, message: DAMAGED };
  if (v.getUint8(0) !== FORMAT_VERSION) return { ok: false, message: 'This results code comes from another version of the game.' };
  const nameLength = v.getUint8(27);
  if (FIXED_BYTES + nameLength !== body) return { ok: false, message: DAMAGED };
  const tag = SCENARIO_TAGS[v.getUint8(1)];
  if (tag === undefined) return { ok: false, message: 'This results code names a scenario this game does not have.' };
  let team: string;
  try {
    team = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(FIXED_BYTES, body));
  } catch {
    return { ok: false, message: DAMAGED };
  }
  const flags = v.getUint8(10);
  const lead = v.getFloat32(11), throughput = v.getFloat32(15);
  if (!Number.isFinite(lead) || !Number.isFinite(throughput)) return { ok: false, message: DAMAGED };
  return {
    ok: true,
    results: {
      team: cleanTeamName(team) || 'A team',
      scenarioId: tag.id,
      seed: v.getUint32(2),
      score: v.getInt32(6),
      goalMet: (flags & 2) !== 0 ? (flags & 1) !== 0 : null,
      leadTimeMean: (flags & 4) !== 0 ? lead : null,
      throughput,
      done: v.getUint32(19),
      hash: v.getUint32(23).toString(16).padStart(8, '0'),
    },
  };
}

function clampInt(x: number, lo: number, hi: number): number {
  return Number.isFinite(x) ? Math.min(hi, Math.max(lo, Math.round(x))) : 0;
}

/** CRC-16/CCITT-FALSE. */
export function crc16(bytes: Uint8Array): number {
  let crc = 0xffff;
  for (const b of bytes) {
    crc ^= b << 8;
    for (let k = 0; k < 8; k++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}
