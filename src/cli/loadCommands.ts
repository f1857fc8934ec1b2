/**
 * Reads a file of player decisions (a JSON array of commands) and checks each against the
 * model before any run starts, so a typo is reported as "commands[2]: ..." instead of a throw
 * from deep inside the engine.
 */
import { readFileSync } from 'node:fs';
import { checkCommandList, LIMITS, type Command, type Model } from '../sim/index';
import { CliError } from './CliError';

export function loadCommands(file: string, model: Model): Command[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new CliError(`Commands file ${file}: ${err.code === 'ENOENT' ? 'no such file' : `cannot read it (${err.message})`}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new CliError(`Commands file ${file} is not valid JSON (${(e as Error).message})`);
  }
  const checked = checkCommandList(model, value);
  if (!checked.ok) {
    if (!Array.isArray(value)) throw new CliError(`Commands file ${file}: must be a JSON array of commands`);
    if (value.length > LIMITS.maxCommands) throw new CliError(`Commands file ${file}: has ${value.length} commands; a run takes at most ${LIMITS.maxCommands}`);
    throw new CliError([`Commands file ${file} is not valid:`, ...checked.errors.map((e) => `  ${e}`)].join('\n'));
  }
  return checked.commands;
}
