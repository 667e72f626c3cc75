// The second fence's price: CPU per authorized GET /tasks of the whole chain (gateway + Timer
// server processes, from /proc) when the Timer server verifies the token itself, against the same
// chain with the Timer server run --insecure-no-auth. Same load (autocannon, 16 connections,
// loopback), interleaved rounds, medians, all in this run. Both verifiers remember verified tokens
// (local/jwt-authorizer/token-cache.ts), so a repeated token costs a cache hit and the claim checks.
import { authorizedGets } from './lib/cannon.ts';
import { median, row, type BenchRow } from './lib/result.ts';
import { accessToken, cpuMicros, startChain, startJwks, type Chain } from './lib/stack.ts';

const ROUNDS = 3;

export async function fenceBenchmarks(time: number): Promise<BenchRow[]> {
  const seconds = Math.max(1, Math.round((time * 4) / 1000 / ROUNDS));
  const jwks = await startJwks();
  const started: Chain[] = [];
  try {
    const chain = async (timerIssuer: string) => {
      const chain = await startChain(jwks.issuer, timerIssuer);
      started.push(chain);
      const pids = { timer: chain.timer.child.pid!, gateway: chain.gateway.child.pid! };
      return { ...pids, url: chain.gatewayUrl };
    };
    const chains = { fenced: await chain(jwks.issuer), open: await chain('insecure-no-auth') };
    const authorization = `Bearer ${await accessToken(jwks)}`;
    for (const [which, { url }] of Object.entries(chains)) {
      await authorizedGets(which, url, authorization, 1); // warm-up
    }
    const perRequest = { fenced: [] as number[], open: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 ? (['open', 'fenced'] as const) : (['fenced', 'open'] as const);
      for (const which of order) {
        const { timer, gateway, url } = chains[which];
        const before = cpuMicros(timer) + cpuMicros(gateway);
        const result = await authorizedGets(which, url, authorization, seconds);
        const used = cpuMicros(timer) + cpuMicros(gateway) - before;
        perRequest[which].push(used / result.requests.total);
      }
    }
    console.error(
      `  fence: CPU µs/req per round, fenced ${perRequest.fenced.map((n) => n.toFixed(1)).join(', ')}; open ${perRequest.open.map((n) => n.toFixed(1)).join(', ')}`,
    );
    return [
      row(
        'second fence: CPU per authorized GET, gateway + Timer server verifying vs --insecure-no-auth',
        'µs/req',
        median(perRequest.fenced),
        median(perRequest.open),
      ),
    ];
  } finally {
    for (const chain of started.reverse()) await chain.stop();
    await jwks.close();
  }
}
