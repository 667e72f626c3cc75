// npm run bench: every benchmark, one table (docs/architecture.md). Each ratio compares two
// things measured in this same run; absolute numbers vary by machine. The run leaves tracked files
// alone; `npm run bench -- --record` also writes bench/results.json, the committed record that
// docs/performance.md quotes. BENCH_TIME=ms sets the sampling time per task (default 1000).
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { corsBenchmarks } from './cors.bench.ts';
import { fenceBenchmarks } from './fence.bench.ts';
import { gatewayBenchmarks } from './gateway.bench.ts';
import { interceptorBenchmarks } from './interceptor.bench.ts';
import { jwtBenchmarks } from './jwt.bench.ts';
import { lambdaBenchmarks } from './lambda.bench.ts';
import { worstBodyBenchmarks } from './worst-body.bench.ts';
import { formatTable, type BenchRow } from './lib/result.ts';

const USAGE = 'usage: npm run bench [-- --record]   (--record: also write bench/results.json)';
let record: boolean;
try {
  record = parseArgs({ options: { record: { type: 'boolean' } } }).values.record ?? false;
} catch (error) {
  // Before any benchmark runs: a mistyped flag costs nothing.
  console.error(`npm run bench: ${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}

const time = Number(process.env['BENCH_TIME'] ?? 1000);
const rows: BenchRow[] = [];
for (const [label, run] of [
  ['interceptor', interceptorBenchmarks],
  ['cors', corsBenchmarks],
  ['gateway', gatewayBenchmarks],
  ['second fence', fenceBenchmarks],
  ['jwt', jwtBenchmarks],
  ['timer lambda', lambdaBenchmarks],
  ['worst body', worstBodyBenchmarks],
] as const) {
  console.error(`running ${label} benchmarks…`);
  rows.push(...(await run(time)));
}
const cpu = cpus();
console.log(
  `machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
console.log(formatTable(rows));
if (record) {
  writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(rows, null, 2)}\n`);
  console.log('wrote bench/results.json');
}
