// npm run bench: every benchmark, one table, bench/results.json (docs/architecture.md).
// Each ratio compares two things measured in this same run; absolute numbers vary by machine.
// BENCH_TIME=ms sets the sampling time per task (default 1000).
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { corsBenchmarks } from './cors.bench.ts';
import { fenceBenchmarks } from './fence.bench.ts';
import { gatewayBenchmarks } from './gateway.bench.ts';
import { interceptorBenchmarks } from './interceptor.bench.ts';
import { jwtBenchmarks } from './jwt.bench.ts';
import { lambdaBenchmarks } from './lambda.bench.ts';
import { worstBodyBenchmarks } from './worst-body.bench.ts';
import { formatTable, type BenchRow } from './lib/result.ts';

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
writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(rows, null, 2)}\n`);
console.log('wrote bench/results.json');
