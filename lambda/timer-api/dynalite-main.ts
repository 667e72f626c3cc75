// `node lambda/timer-api/dynalite-main.ts --port N --table NAME`: the offline DynamoDB of
// `npm start -- --backend lambda` (dynalite, in memory: tasks last as long as the process), with
// the tasks table created. Prints `listening on URL` when ready, like the stack's other servers.
import { parseArgs } from 'node:util';
import { startDynalite } from './dynalite.ts';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '0' }, table: { type: 'string' } },
  strict: true,
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535 || !values.table) {
  console.error('usage: node lambda/timer-api/dynalite-main.ts --port N --table NAME');
  process.exit(2);
}
const dynamo = await startDynalite([values.table], port);
console.log(`listening on ${dynamo.endpoint}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void dynamo.close().then(() => process.exit(0)));
}
