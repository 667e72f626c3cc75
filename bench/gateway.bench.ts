// Benchmark 4: authorized GET /tasks through the local gateway vs straight to the Timer server,
// same load (autocannon, 16 connections, loopback, bounded duration), measured in this run.
//
// The targets are measured in interleaved rounds (order rotated each round) and each figure is
// the median over the rounds, so a background burst or drift on a small machine lands on all of
// them alike instead of on whichever ran last. A minimal keep-alive Node proxy without any auth
// (bench/lib/reference-proxy.ts) is measured the same way: it is the ceiling for a
// single-process Node proxy on this machine, which tells how much of the gap to direct is the
// extra HTTP hop itself and how much is the gateway's own work. Throughput swings with whatever
// else the machine runs; CPU time per request of the proxy process (from /proc) much less, so the
// gateway's own cost is compared with the reference proxy's that way.
import { authorizedGets, type CannonResult } from './lib/cannon.ts';
import { median, row, type BenchRow } from './lib/result.ts';
import { startProcess } from '../local/processes.ts';
import { LISTENING, listeningUrl } from '../local/server-recipes.ts';
import { accessToken, cpuMicros, startChain, startJwks } from './lib/stack.ts';

const ROUNDS = 3;

export async function gatewayBenchmarks(time: number): Promise<BenchRow[]> {
  // Seconds of load per target and round (at least 1 s; 2 s each at the default BENCH_TIME).
  const seconds = Math.max(1, Math.round((time * 5) / 1000 / ROUNDS));
  const jwks = await startJwks();
  const chain = await startChain(jwks.issuer);
  const { timer, gateway, timerUrl } = chain;
  const reference = await startProcess({
    name: 'reference-proxy',
    command: process.execPath,
    args: [new URL('./lib/reference-proxy.ts', import.meta.url).pathname, timerUrl],
    ready: LISTENING,
    timeoutMs: 30_000,
  });
  try {
    const authorization = `Bearer ${await accessToken(jwks)}`;
    const targets = [
      ['direct', timerUrl, undefined],
      ['gateway', chain.gatewayUrl, gateway.child.pid!],
      ['reference proxy', listeningUrl(reference), reference.child.pid!],
    ] as const;
    type Who = (typeof targets)[number][0];
    // Warm-up: JWKS fetched, token verified once, JIT warm, connection pools filled.
    for (const [who, url] of targets) await authorizedGets(who, url, authorization, 1);
    const results = new Map<Who, CannonResult[]>(targets.map(([who]) => [who, []]));
    const cpu = new Map<Who, { micros: number; timerMicros: number; requests: number }>(
      targets.map(([who]) => [who, { micros: 0, timerMicros: 0, requests: 0 }]),
    );
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < targets.length; i++) {
        const [who, url, pid] = targets[(round + i) % targets.length]!;
        const before = pid === undefined ? 0 : cpuMicros(pid);
        const timerBefore = cpuMicros(timer.child.pid!);
        const result = await authorizedGets(who, url, authorization, seconds);
        results.get(who)!.push(result);
        const used = cpu.get(who)!;
        used.micros += pid === undefined ? 0 : cpuMicros(pid) - before;
        used.timerMicros += cpuMicros(timer.child.pid!) - timerBefore;
        used.requests += result.requests.total;
      }
    }
    const cpuPerRequest = (who: Who) => cpu.get(who)!.micros / cpu.get(who)!.requests;
    const rps = (who: Who) => median(results.get(who)!.map((r) => r.requests.average));
    // autocannon records whole milliseconds; a sub-millisecond p99 reads as 0, so count it as 1.
    const p99 = (who: Who) => Math.max(1, median(results.get(who)!.map((r) => r.latency.p99)));
    for (const [who, , pid] of targets) {
      const perRound = results.get(who)!.map((r) => Math.round(r.requests.average));
      const { micros, timerMicros, requests } = cpu.get(who)!;
      const proxy = pid === undefined ? '' : `, proxy ${(micros / requests).toFixed(1)}`;
      console.error(
        `  ${who}: req/s per round ${perRound.join(', ')}; CPU µs/req: Timer ${(timerMicros / requests).toFixed(1)}${proxy}`,
      );
    }
    return [
      row(
        'gateway: authorized GET throughput vs direct to Timer server',
        'req/s',
        rps('gateway'),
        rps('direct'),
      ),
      row(
        'gateway: authorized GET p99 latency vs direct to Timer server (1 ms resolution)',
        'ms',
        p99('gateway'),
        p99('direct'),
      ),
      row(
        'gateway: CPU per authorized GET vs minimal Node keep-alive proxy (no auth)',
        'µs/req',
        cpuPerRequest('gateway'),
        cpuPerRequest('reference proxy'),
      ),
      row(
        'minimal Node keep-alive proxy (no auth): GET throughput vs direct to Timer server',
        'req/s',
        rps('reference proxy'),
        rps('direct'),
      ),
    ];
  } finally {
    await reference.stop();
    await chain.stop();
    await jwks.close();
  }
}
