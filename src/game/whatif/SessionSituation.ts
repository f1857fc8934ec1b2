/** What a what-if run needs to know about the game in progress, read from its session. */
import type { GameSession } from '../GameSession';
import type { LeverValue } from '../../scenario/LeverCommands';
import type { WhatIfSituation } from './WhatIfPolicy';

export function sessionSituation(session: GameSession): WhatIfSituation {
  const settings = (read: (id: string) => LeverValue) => Object.fromEntries(session.levers.map((l) => [l.id, read(l.id)]));
  return {
    levers: session.levers,
    history: session.leverHistory(),
    live: session.midRoundChanges().filter((c) => c.round < session.roundIndex),
    fromRound: session.roundIndex,
    roundCount: session.rounds.length,
    applied: settings((id) => session.appliedValue(id)),
    planned: settings((id) => session.leverValue(id)),
    strategies: session.scenario.game?.strategies ?? [],
  };
}
