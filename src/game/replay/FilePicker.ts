/**
 * Reading a JSON file the player chooses (a run on Replays, a scenario on Scenario select): by
 * the browser's file picker or by dropping it on the page. Files larger than the limit are
 * refused before they are read (a dropped video must not freeze the tab). The DOM parts live
 * here so the scenes stay Phaser-only.
 */
import { MAX_OWN_SCENARIO_TEXT } from '../OwnScenarios';
import { MAX_RUN_TEXT } from './RunRecipe';

export type PickedFile = { readonly ok: true; readonly name: string; readonly text: string } | { readonly ok: false; readonly message: string };

/** A file's text, or a plain refusal when it is larger than `maxChars` (`what`: "a run"). */
export async function readJsonFile(file: File, maxChars: number, what: string): Promise<PickedFile> {
  if (file.size > maxChars) return { ok: false, message: `"${file.name}" is too large to be ${what} (${Math.round(file.size / 1024).toLocaleString('en')} kB; at most ${maxChars / 1000} kB).` };
  try {
    return { ok: true, name: file.name, text: await file.text() };
  } catch {
    return { ok: false, message: `"${file.name}" could not be read.` };
  }
}

export function readRunFile(file: File): Promise<PickedFile> {
  return readJsonFile(file, MAX_RUN_TEXT, 'a run');
}

export function readScenarioFile(file: File): Promise<PickedFile> {
  return readJsonFile(file, MAX_OWN_SCENARIO_TEXT, 'a scenario');
}

/** Opens the browser's file picker for a run file; resolves null if the player cancels. */
export function pickRunFile(): Promise<PickedFile | null> {
  return pickJsonFile(readRunFile);
}

/** Opens the browser's file picker for a scenario file; resolves null if the player cancels. */
export function pickScenarioFile(): Promise<PickedFile | null> {
  return pickJsonFile(readScenarioFile);
}

function pickJsonFile(read: (file: File) => Promise<PickedFile>): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,application/json';
    // Off-screen rather than display:none: some browsers open no picker for an input that is not rendered.
    input.style.cssText = 'position:fixed;left:-1000px;top:0;width:1px;height:1px;opacity:0';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      resolve(file === undefined ? null : read(file));
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    document.body.appendChild(input);
    input.click();
  });
}

/**
 * Lets files be dropped anywhere on the page. The browser's own reaction to a drop (opening the
 * file in place of the game) is always prevented; the first file goes to `onFile` when one is set.
 */
export function acceptDroppedFiles(target: Window, onFile: () => ((file: File) => void) | null): void {
  target.addEventListener('dragover', (e) => {
    e.preventDefault();
    if (e.dataTransfer !== null) e.dataTransfer.dropEffect = onFile() === null ? 'none' : 'copy';
  });
  target.addEventListener('drop', (e) => {
    e.preventDefault();
    const file = e.dataTransfer?.files[0];
    const handler = onFile();
    if (file !== undefined && handler !== null) handler(file);
  });
}
