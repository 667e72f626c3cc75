// npm run timer-server -- --port N [--db FILE|:memory:] --issuer URL --audience ID[,ID]
//   [--scopes CSV] [--max-tasks-per-user N], or --insecure-no-auth instead of issuer/audience
// (docs/architecture.md, the reference Timer server's CLI).
import { parseCliArgs, USAGE, UsageError } from './args.ts';
import { startTimerServer } from './server.ts';

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}

let options;
try {
  options = parseCliArgs(argv);
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`timer-server: ${error.message}`);
  console.error(USAGE);
  process.exit(2);
}

if (options.auth === 'insecure-no-auth') {
  console.error(
    'timer-server: WARNING --insecure-no-auth: no token is checked and every task belongs to one owner; anyone who can reach this port can read and change every task',
  );
}
const running = await startTimerServer(options);
console.log(`listening on ${running.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('timer-server: shutdown failed', error);
        process.exit(1);
      },
    );
  });
}
