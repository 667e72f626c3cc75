// Benchmarks 1 and 2: interceptor overhead and the expiry storm. The Angular code runs AOT-linked
// (esbuild + the Angular linker, see interceptor/load-harness.ts), not JIT.
import { Bench } from 'tinybench';
import { loadHarness } from './interceptor/load-harness.ts';
import { median, nsPerOp, row, type BenchRow } from './lib/result.ts';

/**
 * Rounds of short runs, each task once per round in a rotating order, and per task the median of
 * its round means: a burst of machine noise (other tenants, GC of another task) then spoils one
 * round of one task instead of a whole task's only sample, and no task always runs first.
 */
const ROUNDS = 7;

export async function interceptorBenchmarks(time: number): Promise<BenchRow[]> {
  const harness = await loadHarness();
  const cases = harness.createCases();
  await harness.warm(cases);
  const fetchesBefore = cases.tokenFetches();
  const tasks: Array<[string, () => void]> = [];
  for (const via of ['direct', 'httpClient'] as const) {
    for (const [who, fn] of Object.entries(cases[via])) tasks.push([`${via}:${who}`, fn]);
  }
  const samples = new Map<string, number[]>(tasks.map(([name]) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const bench = new Bench({ time: time / ROUNDS, warmup: round === 0 });
    for (let i = 0; i < tasks.length; i++) {
      const [name, fn] = tasks[(i + round) % tasks.length]!;
      bench.add(name, fn);
    }
    await bench.run();
    for (const task of bench.tasks) samples.get(task.name)?.push(nsPerOp(task));
  }
  const ns = (name: string) => median(samples.get(name) ?? []);
  if (cases.tokenFetches() !== fetchesBefore) {
    throw new Error('the signed-in fast path asked the token source again during the run');
  }
  const rows: BenchRow[] = [];
  for (const via of ['direct', 'httpClient'] as const) {
    const label = via === 'direct' ? 'next answers at once' : 'through HttpClient';
    rows.push(
      row(`interceptor (${label}): ours vs floor`, 'ns/req', ns(`${via}:ours`), ns(`${via}:floor`)),
      row(
        `interceptor (${label}): ours vs @auth0/angular-jwt`,
        'ns/req',
        ns(`${via}:ours`),
        ns(`${via}:angularJwt`),
      ),
    );
  }

  // Expiry storm: alternate the two scenarios so machine noise hits both alike.
  const storm: number[] = [];
  const valid: number[] = [];
  let worst = { refreshes: 0, retriesPerRequest: 0, failures: 0 };
  for (let i = 0; i < 20; i++) {
    let start = performance.now();
    const result = await harness.storm(100, true);
    storm.push(performance.now() - start);
    start = performance.now();
    await harness.storm(100, false);
    valid.push(performance.now() - start);
    worst = {
      refreshes: Math.max(worst.refreshes, result.refreshes),
      retriesPerRequest: Math.max(worst.retriesPerRequest, result.retries / 100),
      failures: Math.max(worst.failures, result.failures),
    };
  }
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  rows.push(
    row('expiry storm, 100 concurrent: refresh calls (target 1)', 'calls', worst.refreshes, 1),
    row(
      'expiry storm, 100 concurrent: retries per request (target ≤ 1)',
      'retries',
      worst.retriesPerRequest,
      1,
    ),
    row('expiry storm, 100 concurrent: failed requests (of 100)', 'requests', worst.failures, 100),
    row(
      'expiry storm, 100 concurrent: time to all done vs valid token',
      'ms',
      sum(storm) / storm.length,
      sum(valid) / valid.length,
    ),
  );
  return rows;
}
