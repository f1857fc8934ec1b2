/**
 * What the facilitator should say or ask on each screen (the N panel). Lessons bring their own
 * notes (`game.notes`, usually "Round 1: … Round 2: …"), questions and takeaway; the menus have
 * notes written here. Pure text: the panel draws it.
 */
import type { GameSectionSpec } from '../../scenario/GameSchema';

export interface PresenterNote {
  readonly title: string;
  readonly text: string;
}

export const MENU_NOTES = {
  title: {
    title: 'Presenter notes: opening',
    text: 'Welcome the room and set the frame: we will run an IT department as a factory floor, where work flows from idea to customer.\n\nTo run a workshop: switch on Trainer mode (and Projector layout) in Settings, choose the lesson and a seed, and read the workshop code from the screen. Teams choose "Join a workshop" and type it, so every team gets exactly the same work. After the last round each team sends you its results code; paste them into the Leaderboard.',
  },
  scenarioSelect: {
    title: 'Presenter notes: choosing a lesson',
    text: 'Pick the lesson and a seed. The large workshop code on the right is what teams type under "Join a workshop": it carries the lesson and the seed, with a check letter so a typo is caught instead of starting the wrong game. A model of your own team (a scenario file, O) plays here too: send teams the file to open the same way, and agree on a seed.\n\nAsk before starting: "Where does work wait in your own team today?"',
  },
  settings: {
    title: 'Presenter notes: settings',
    text: 'Projector layout gives high contrast and larger numbers for a room. Trainer mode opens every lesson and lets you change levers while a round plays (L chooses a lever, [ and ] change it), to show a room what one decision does.',
  },
  leaderboard: {
    title: 'Presenter notes: leaderboard',
    text: 'Paste the results codes teams send you (Ctrl+V, several at once is fine). Each is checked; a damaged one is named and the rest are added. A team that sends again replaces its row.\n\nAsk the top team and the bottom team what they decided, round by round. Same seed, same work: only the decisions differ. Is the highest score also the shortest lead time? Why or why not?',
  },
  joinWorkshop: {
    title: 'Presenter notes: joining',
    text: 'Teams type the workshop code from the screen and a team name (it appears on the leaderboard). Letters and digits that look alike (0/O, 1/I/L) are never used in codes, and case, spaces and dashes do not matter.',
  },
} as const satisfies Record<string, PresenterNote>;

/** The part of a lesson's notes about one round ("Round 2: …"), or all of them when they are not split by round. */
export function roundNotes(notes: string | undefined, roundIndex: number): string | null {
  if (notes === undefined || notes.trim() === '') return null;
  const parts = notes.split(/(?=\bRound \d+:)/);
  const mine = parts.find((p) => p.startsWith(`Round ${roundIndex + 1}:`));
  if (mine !== undefined) return mine.trim();
  return parts.some((p) => /^Round \d+:/.test(p)) ? null : notes.trim();
}

export function briefingNotes(title: string, game: GameSectionSpec | undefined): PresenterNote {
  const lines: string[] = [];
  if (game?.minutes !== undefined) lines.push(`About ${game.minutes} minutes with briefing and debrief.`);
  if (game?.goal?.text !== undefined) lines.push(`The goal to read out: ${game.goal.text}`);
  if (game?.takeaway !== undefined) lines.push(`Where this is going (keep it for the end): ${game.takeaway}`);
  const first = roundNotes(game?.notes, 0);
  if (first !== null) lines.push(first);
  if (lines.length === 0) lines.push('This scenario has no presenter notes: let the numbers tell the story, and ask what the teams expect before the first round.');
  return { title: `Presenter notes: ${title}`, text: lines.join('\n\n') };
}

export function roundNote(title: string, game: GameSectionSpec | undefined, roundIndex: number, roundNoteForPlayers: string | null): PresenterNote {
  const lines: string[] = [];
  const mine = roundNotes(game?.notes, roundIndex);
  if (mine !== null) lines.push(mine);
  if (roundNoteForPlayers !== null) lines.push(`The teams read: ${roundNoteForPlayers}`);
  if (lines.length === 0) lines.push('Ask the room to predict before the round starts: where will the cards pile up, and what will the lead time be?');
  return { title: `Presenter notes: ${title}, round ${roundIndex + 1}`, text: lines.join('\n\n') };
}

export function debriefNote(title: string, game: GameSectionSpec | undefined, roundIndex: number, finished: boolean): PresenterNote {
  const lines: string[] = [];
  const mine = roundNotes(game?.notes, roundIndex);
  if (mine !== null) lines.push(mine);
  const questions = game?.questions ?? [];
  if (questions.length > 0) lines.push(`Ask:\n${questions.map((q) => `•  ${q}`).join('\n')}`);
  if (finished && game?.takeaway !== undefined) lines.push(`The lesson: ${game.takeaway}`);
  if (finished) lines.push('Teams: the results code at the top of this screen goes to the facilitator for the leaderboard (C copies it).');
  if (lines.length === 0) lines.push('Ask what changed from the last round, and which number shows it best.');
  return { title: `Presenter notes: ${title}, debrief of round ${roundIndex + 1}`, text: lines.join('\n\n') };
}
