/**
 * Builds the game: the settings and the shared context, every scene with the context injected,
 * the Phaser game, and the read-only test hook on window.
 */
import * as Phaser from 'phaser';
import { takeSnapshot } from '../sim';
import { createGameConfig } from './GameConfig';
import { headlessRunHash } from './HeadlessRun';
import { LiveGameContext } from './LiveGameContext';
import { Settings } from './Settings';
import { CampaignProgress } from './CampaignProgress';
import { installTestHook, type SessionInfo } from './TestHook';
import { lastSavedFile } from './export/Download';
import { Boot } from '../scenes/Boot';
import { Preloader } from '../scenes/Preloader';
import { Title } from '../scenes/Title';
import { ScenarioSelect } from '../scenes/ScenarioSelect';
import { Briefing } from '../scenes/Briefing';
import { RoundPlanning } from '../scenes/RoundPlanning';
import { Play } from '../scenes/Play';
import { Debrief } from '../scenes/Debrief';
import { Settings as SettingsScene } from '../scenes/Settings';
import { JoinWorkshop } from '../scenes/JoinWorkshop';
import { Leaderboard } from '../scenes/Leaderboard';
import { sessionResultsCode } from './facilitator/SessionResults';
import { Compare } from '../scenes/Compare';
import { WhatIf } from '../scenes/WhatIf';
import { Replays } from '../scenes/Replays';
import { Replay } from '../scenes/Replay';
import { ReplayDesk } from './replay/ReplayDesk';
import { SavedRuns } from './replay/SavedRuns';
import { OwnScenarios } from './OwnScenarios';
import { acceptDroppedFiles } from './replay/FilePicker';

/** Scenes that are only a way in; the hook is not "ready" on them. */
const LOADING = new Set(['', 'Boot', 'Preloader']);

export function startGame(parent: string | HTMLElement): Phaser.Game {
  const ctx = new LiveGameContext(Settings.load(), CampaignProgress.load(), new ReplayDesk(SavedRuns.load()), OwnScenarios.load());
  // A replay link (`#run=...`) opens once the title is up; files dropped on the page go to the scene that takes them.
  ctx.replays.noteAddress(window.location.href);
  ctx.notePlayAddress(window.location.href);
  acceptDroppedFiles(window, () => ctx.replays.onDrop);
  // A facilitator's link (`?trainer=1`) opens every lesson for this visit without saving it.
  if (new URLSearchParams(window.location.search).get('trainer') === '1') ctx.progress.setTrainerMode(true, false);
  const play = new Play(ctx);
  const leaderboard = new Leaderboard(ctx);
  const compare = new Compare(ctx);
  const whatIf = new WhatIf(ctx);
  const replay = new Replay(ctx);
  const replays = new Replays(ctx);
  const scenarioSelect = new ScenarioSelect(ctx);
  const scenes: Phaser.Scene[] = [
    new Boot(),
    new Preloader(),
    new Title(ctx),
    scenarioSelect,
    new Briefing(ctx),
    new RoundPlanning(ctx),
    play,
    new Debrief(ctx),
    new SettingsScene(ctx),
    new JoinWorkshop(ctx),
    leaderboard,
    compare,
    whatIf,
    replays,
    replay,
  ];
  const game = new Phaser.Game(createGameConfig(parent, scenes));
  const top = () => {
    const active = game.scene.getScenes(true);
    return active[active.length - 1] ?? null;
  };

  installTestHook(window, {
    isReady: () => {
      const s = top();
      if (s === null || LOADING.has(s.scene.key) || !s.sys.isActive()) return false;
      const drawn = (s as { hasDrawn?: boolean }).hasDrawn;
      return drawn === undefined ? true : drawn;
    },
    sceneKey: () => top()?.scene.key ?? '',
    cameraNames: () => top()?.cameras.cameras.map((c) => c.name) ?? [],
    session: (): SessionInfo | null => {
      const s = ctx.session;
      if (s === null) return null;
      return {
        scenarioId: s.scenarioId,
        seed: s.seed,
        sandbox: s.sandbox,
        phase: s.phase,
        roundIndex: s.roundIndex,
        rounds: s.rounds.length,
        time: s.sim.now,
        commands: s.commands,
        results: s.roundResults,
        score: s.score,
        levers: Object.fromEntries(s.levers.map((l) => [l.id, s.leverValue(l.id)])),
        hash: s.sim.hash(),
      };
    },
    snapshot: () => (ctx.session === null ? null : takeSnapshot(ctx.session.sim)),
    hud: () => (play.sys.isActive() ? play.hud : null),
    playback: () => (play.sys.isActive() ? play.playback : null),
    runHeadless: headlessRunHash,
    compare: () => compare.info(),
    whatIf: () => whatIf.status(),
    replay: () => (replay.sys.isActive() ? replay.info : null),
    replays: () => (replays.sys.isActive() ? replays.info : null),
    scenarioSelect: () => (scenarioSelect.sys.isActive() ? scenarioSelect.info : null),
    resultsCode: () => (ctx.session === null ? null : sessionResultsCode(ctx.session)),
    leaderboard: () => {
      const rows = leaderboard.rows;
      return rows === null ? null : { rows: rows.map((r) => ({ rank: r.rank, team: r.team, score: r.score, seed: r.seed, scenarioId: r.scenarioId })), message: leaderboard.messageText };
    },
    facilitatorScreen: () => ({
      workshopCode: (top() as { workshopCodeShown?: string } | null)?.workshopCodeShown ?? '',
      leverToast: play.sys.isActive() ? play.leverToast : '',
    }),
    campaign: () => ({
      trainerMode: ctx.progress.trainerMode,
      saved: ctx.progress.persistent,
      lessons: ctx.catalog().filter((e) => e.order !== null).map((e) => ({ id: e.id, order: e.order!, locked: e.locked, ...ctx.progress.lesson(e.id) })),
    }),
    lastExport: () => {
      const f = lastSavedFile();
      return f === null ? null : { name: f.name, bytes: f.bytes };
    },
  });
  return game;
}
