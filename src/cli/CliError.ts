/**
 * A problem the user can fix (a bad flag, a missing file, an invalid scenario). The entry point
 * prints its message without a stack trace and exits with its code; anything else is a bug.
 */
export const EXIT_USAGE = 2;
export const EXIT_STOPPED = 3;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_USAGE,
    /** Print the short usage after the message (for mistakes in the command line itself). */
    readonly showUsage = false,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
