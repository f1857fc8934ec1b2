/**
 * docs/facilitator-guide.md is generated from the lesson scenarios: regenerated here in memory
 * (on worker threads), it must equal the committed file, so its results can never drift from the scenarios (or the
 * engine). A small lesson of its own checks what a section holds and that its results are the
 * very tables of `npm run sim -- prove`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { campaignLessons, GUIDE_FILE, guideIntro, joinGuide, lessonSection, renderFacilitatorGuide, renderSectionsInParallel } from '../../scripts/write-facilitator-guide';
import { lessonReport, reportMarkdown } from '../../src/cli/lessonTables';
import { firstSeeds } from '../../src/game/lessons/LessonProof';
import { parseScenario } from '../../src/scenario/parseScenario';
import desk from '../fixtures/desk-lesson.json';

const committed = readFileSync(GUIDE_FILE, 'utf8');

function deskLesson() {
  const r = parseScenario(desk);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.scenario;
}

describe('docs/facilitator-guide.md', () => {
  // Playing every strategy of every lesson over 100 seeds takes a while on one core: the
  // sections are rendered on worker threads (the same text as in this thread), then each lesson
  // is compared on its own, so a stale section names its lesson.
  const lessons = campaignLessons();
  let rendered: Promise<Map<string, string>> | null = null;
  const sections = () => (rendered ??= renderSectionsInParallel(lessons.map((s) => s.id)));
  const stale = 'docs/facilitator-guide.md is out of date: run "npm run guide" and commit it';

  it('has a section for every campaign lesson, in order, each with generated results', () => {
    const headings = [...committed.matchAll(/^## Lesson (\d+): /gm)].map((m) => Number(m[1]));
    expect(headings, stale).toEqual(lessons.map((s) => s.game!.order));
    for (const s of lessons) expect(committed).toContain(`> Generated from \`src/scenarios/${s.id}.json\` by \`npm run guide\``);
  });

  for (const s of lessons) {
    it(`the section of lesson ${s.game!.order} (${s.id}) is up to date`, async () => {
      const section = (await sections()).get(s.id)!;
      expect(committed.includes(joinGuide([section])), `${stale} (lesson ${s.game!.order}, ${s.id})`).toBe(true);
    });
  }

  it('is, as a whole, what npm run guide writes', async () => {
    const all = await sections();
    expect(committed === joinGuide([guideIntro(lessons), ...lessons.map((s) => all.get(s.id)!)]), stale).toBe(true);
  });

  it('tells trainers how to run a session and check a claim', () => {
    for (const text of ['Trainer mode opens every lesson', '?trainer=1', 'Same scenario + same seed = same run', 'npm run sim -- prove <lesson id>', 'regenerate them with `npm run guide`']) {
      expect(committed).toContain(text);
    }
  });
});

describe('a lesson section', () => {
  const s = deskLesson();
  const seeds = firstSeeds(5);
  const section = lessonSection(s, seeds);

  it('says what it teaches, how long it takes, what to say before and ask after', () => {
    expect(section).toContain('## Lesson 1: A cap on work in progress');
    expect(section).toContain('*One desk at 90% busy: cap the tickets in progress.*');
    expect(section).toContain('About 10 minutes with briefing and debrief; 2 rounds of 100 hours, 200 hours of simulated time in all.');
    expect(section).toMatch(/### What it teaches\n\nA cap moves the queue out of the desk and into the backlog\.\n/);
    expect(section).toContain('> Tickets reach the service desk at random, nine in every ten hours.\n>\n> Play round 1 as it is, then cap the work in progress.');
    expect(section).toContain('**Goal:** Mean lead time at most 8 hours.');
    expect(section).toContain('**Presenter notes.** Point at the backlog in round 2.');
    expect(section).toContain('1. Where did the tickets wait in round 2?\n2. Did the desk finish fewer tickets?');
  });

  it('lists the rounds with the levers each opens, and the levers with their settings', () => {
    expect(section).toContain('| Round 1: as it is | 100 hours | none: played as it stands | Watch the queue at the desk. |');
    expect(section).toContain('| Round 2: cap it | 100 hours | Release of new work | Cap the tickets in progress. |');
    expect(section).toContain('- **Release of new work**: "Push" (at the start), "Cap at 3". How new tickets reach the desk.');
  });

  it('shows the results of npm run sim -- prove, marked as generated', () => {
    expect(section).toContain('### Typical results over 5 seeds');
    expect(section).toContain('do not edit by hand, regenerate.');
    expect(section).toContain(reportMarkdown(lessonReport(s, seeds)));
  });

  it('a guide without lessons says so', () => {
    expect(renderFacilitatorGuide([])).toContain('No lesson of the campaign is written yet.');
  });
});
