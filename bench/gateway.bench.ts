// Benchmark 4: authorized GET /tasks through the local gateway vs straight to the Timer server,
// same load (autocannon, loopback, bounded duration), measured back to back in this run.
import { cannon } from './lib/cannon.ts';
import { row, type BenchRow } from './lib/result.ts';
import {
  accessToken,
  newSigner,
  npmScriptFile,
  startGateway,
  startJwks,
  startTimer,
} from './lib/stack.ts';

export async function gatewayBenchmarks(time: number): Promise<BenchRow[]> {
  if (!npmScriptFile('gateway') || !npmScriptFile('timer-server')) {
    console.warn('skip gateway benchmark: npm run gateway / timer-server not available yet');
    return [];
  }
  const duration = Math.max(2, Math.round((time * 5) / 1000));
  const signer = await newSigner('bench');
  const jwks = await startJwks([signer]);
  const timer = await startTimer();
  const gateway = await startGateway(jwks.issuer, timer.url);
  try {
    const authorization = `Bearer ${await accessToken(signer, jwks.issuer)}`;
    const load = (base: string, seconds: number) =>
      cannon({
        url: `${base}/tasks`,
        connections: 16,
        duration: seconds,
        headers: { authorization },
      });
    await load(gateway.url, 1); // warm-up: JWKS fetched, JIT warm
    await load(timer.url, 1);
    const direct = await load(timer.url, duration);
    const via = await load(gateway.url, duration);
    for (const [who, result] of [
      ['direct', direct],
      ['gateway', via],
    ] as const) {
      if (result.errors || result.non2xx || result.timeouts) {
        throw new Error(`${who}: ${result.errors} errors, ${result.non2xx} non-2xx`);
      }
    }
    return [
      row(
        'gateway: authorized GET throughput vs direct to Timer server',
        'req/s',
        via.requests.average,
        direct.requests.average,
      ),
      // autocannon records whole milliseconds; a sub-millisecond p99 reads as 0, so count it as 1.
      row(
        'gateway: authorized GET p99 latency vs direct to Timer server (1 ms resolution)',
        'ms',
        Math.max(1, via.latency.p99),
        Math.max(1, direct.latency.p99),
      ),
    ];
  } finally {
    await gateway.stop();
    await timer.stop();
    await jwks.close();
  }
}
