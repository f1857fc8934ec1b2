/**
 * Turns off zod's compiled object parsers in the browser. zod builds them with `new Function`,
 * which the game's Content-Security-Policy (index.html: no 'unsafe-eval') forbids; even its
 * probe for eval, caught as it is, is reported as a policy violation. The setting is read when a
 * schema is created, so src/main.ts imports this module before anything that defines one.
 * Parsing a scenario is rare and small: the interpreted parser is fast enough.
 */
import { config } from 'zod';

config({ jitless: true });
