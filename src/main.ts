/**
 * Entry point: wait for the page, then start the game in #game. `?bench=floor&cards=N` starts
 * the floor benchmark instead (scripts/bench-game.ts), loaded only then.
 */
// First: zod must be told before any schema exists (the CSP forbids its eval-compiled parsers).
import './ZodJitless';
import './page.css';
import { startGame } from './game/StartGame';

/** Cards for the floor benchmark: a whole number from 1 to 20,000 (default 1,000). */
function benchCards(params: URLSearchParams): number {
  const n = Number(params.get('cards') ?? '1000');
  return Number.isInteger(n) && n >= 1 && n <= 20_000 ? n : 1000;
}

function main(): void {
  const params = new URLSearchParams(window.location.search);
  if (params.get('bench') === 'floor') {
    void import('./scenes/FloorBench').then((m) => m.startFloorBench('game', benchCards(params)));
    return;
  }
  startGame('game');
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', main, { once: true });
else main();
