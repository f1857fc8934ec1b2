/**
 * The game's one font family, Atkinson Hyperlegible (designed for legibility; reads well on a
 * projector), self-hosted from the @fontsource package: regular and bold, latin subset only. The
 * CSS imports below make Vite emit the woff2 files into the build and register the @font-face
 * rules; `loadFonts` then makes the browser actually fetch them, because Phaser draws text onto a
 * canvas and measures it once: text drawn before the font is there would keep the fallback's
 * metrics. Boot waits for it before any text is created.
 */
import '@fontsource/atkinson-hyperlegible/latin-400.css';
import '@fontsource/atkinson-hyperlegible/latin-700.css';

/** The family name as the @font-face rules declare it. */
export const FONT_NAME = 'Atkinson Hyperlegible';

/** The faces the game uses: regular and bold. */
export const FONT_FACES = [`400 16px "${FONT_NAME}"`, `700 16px "${FONT_NAME}"`] as const;

/** Long enough for a slow disk or a cold cache, short enough that a failure is hardly noticed. */
export const FONT_TIMEOUT_MS = 3000;

export type FontLoadResult = 'loaded' | 'timeout' | 'failed' | 'unsupported';

/** What `loadFonts` needs from `document.fonts`; a parameter so tests can pass a fake. */
export interface FontLoader {
  load(font: string): Promise<unknown>;
}

function documentFonts(): FontLoader | null {
  return typeof document !== 'undefined' && document.fonts && typeof document.fonts.load === 'function' ? document.fonts : null;
}

/**
 * Loads both faces; resolves (never rejects) once they are ready, or after `timeoutMs`, or at once
 * if the browser has no font loading API. The game goes on in every case, with the fallback font
 * if need be, and nothing is written to the console.
 */
export function loadFonts(timeoutMs = FONT_TIMEOUT_MS, fonts: FontLoader | null = documentFonts()): Promise<FontLoadResult> {
  if (fonts === null) return Promise.resolve('unsupported');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<FontLoadResult>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  let loads: Promise<FontLoadResult>;
  try {
    loads = Promise.all(FONT_FACES.map((f) => fonts.load(f))).then(
      (faces) => (faces.every((list) => !Array.isArray(list) || list.length > 0) ? 'loaded' : 'failed'),
      () => 'failed' as const,
    );
  } catch {
    loads = Promise.resolve('failed');
  }
  return Promise.race([loads, timeout]).finally(() => clearTimeout(timer));
}
