/**
 * Links to play a trainer's own scenario (PlayLink, packed by LinkPacking like replay links):
 * they round-trip the scenario as written and the seed, and every damaged, newer or oversized one
 * gets its own plain refusal instead of an exception.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { packText } from '../../src/game/LinkPacking';
import { inviteFromLink, MAX_PLAY_LINK_CHARS, PLAY_FORMAT, playLink, playPayload } from '../../src/game/PlayLink';
import { linkPayload } from '../../src/game/replay/RunLink';

const scenario = JSON.parse(readFileSync(join(__dirname, '../../docs/examples/kanban-wip-limits.json'), 'utf8')) as Record<string, unknown>;

describe('links to play', () => {
  it('carry the scenario exactly as written and the seed, in the fragment', () => {
    const link = playLink(scenario, 42, 'http://127.0.0.1:5173/game/?trainer=1#run=old');
    expect(link.startsWith('http://127.0.0.1:5173/game/?trainer=1#play=1.')).toBe(true);
    expect(linkPayload(link)).toBeNull();
    const r = inviteFromLink(playPayload(link)!);
    expect(r).toEqual({ ok: true, invite: { seed: 42, scenario } });
    // Compact enough for a chat message: the scenario packs to a small part of its size.
    expect(link.length).toBeLessThan(JSON.stringify(scenario).length);
  });

  it('refuse what is damaged, newer, oversized or not an invitation, in plain words', () => {
    const payload = playPayload(playLink(scenario, 1, 'http://x/'))!;
    expect(inviteFromLink(payload.slice(0, payload.length - 9))).toMatchObject({ ok: false, message: expect.stringContaining('damaged') });
    expect(inviteFromLink('1.%%%')).toMatchObject({ ok: false, message: expect.stringContaining('damaged') });
    expect(inviteFromLink(`2.${payload.slice(2)}`)).toMatchObject({ ok: false, message: expect.stringContaining('newer') });
    expect(inviteFromLink(`1.${'A'.repeat(MAX_PLAY_LINK_CHARS)}`)).toMatchObject({ ok: false, message: expect.stringContaining('more than a scenario') });
    // A small payload that inflates to megabytes is stopped, not unpacked.
    const bomb = `1.${Buffer.from(deflateSync(strToU8(' '.repeat(5_000_000)), { level: 9 })).toString('base64url')}`;
    expect(bomb.length).toBeLessThan(20_000);
    expect(inviteFromLink(bomb)).toMatchObject({ ok: false, message: expect.stringContaining('more than a scenario') });
    const of = (value: unknown) => inviteFromLink(packText(JSON.stringify(value)));
    expect(of({ format: PLAY_FORMAT, version: 9, seed: 1, scenario })).toMatchObject({ ok: false, message: expect.stringContaining('format 9') });
    expect(of({ format: PLAY_FORMAT, version: 1, seed: -1, scenario })).toMatchObject({ ok: false, message: expect.stringContaining('damaged') });
    expect(of({ format: 'phoenix-flow/run', version: 1, seed: 1, scenario })).toMatchObject({ ok: false });
    expect(of({ format: PLAY_FORMAT, version: 1, seed: 1, scenario: [] })).toMatchObject({ ok: false });
    expect(inviteFromLink(packText('not json'))).toMatchObject({ ok: false, message: expect.stringContaining('damaged') });
  });
});
