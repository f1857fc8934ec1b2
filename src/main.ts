/** Entry point: wait for the page, then start the game in #game. */
import { startGame } from './game/StartGame';

function main(): void {
  startGame('game');
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', main, { once: true });
else main();
