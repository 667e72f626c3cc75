// npm run timer-server -- --port N [--db FILE|:memory:]   (contract 4 in shared/design.md)
import { parseCliArgs, UsageError } from './args.ts';
import { startTimerServer } from './server.ts';

let options;
try {
  options = parseCliArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`timer-server: ${error.message}`);
  console.error('usage: npm run timer-server -- --port N [--db FILE|:memory:]');
  process.exit(2);
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
