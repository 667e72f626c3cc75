/**
 * Runs a helper's command; any error it throws ends the process with one `error: …` line on
 * stderr and status 1, which the shell scripts stop on. The error's class is named unless it is a
 * plain Error.
 */
export function exitOnError(run: () => void): void {
  try {
    run();
  } catch (error) {
    const { name, message } = error as Error;
    process.stderr.write(`error: ${name === 'Error' ? '' : `${name}: `}${message}\n`);
    process.exit(1);
  }
}
