// The second fence's price: CPU per authorized GET /tasks of the whole chain (gateway + Timer
// server processes, from /proc) when the Timer server verifies the token itself, against the same
// chain with the Timer server run --insecure-no-auth. Same load (autocannon, 16 connections,
// loopback), interleaved rounds, medians, all in this run. Both verifiers remember verified tokens
// (local/jwt-authorizer/token-cache.ts), so a repeated token costs a cache hit and the claim checks.
import { cannon } from './lib/cannon.ts';
import { median, row, type BenchRow } from './lib/result.ts';
import {
  accessToken,
  cpuMicros,
  npmScriptFile,
  startGateway,
  startJwks,
  startTimer,
  type Running,
} from './lib/stack.ts';

const ROUNDS = 3;
const CONNECTIONS = 16;

export async function fenceBenchmarks(time: number): Promise<BenchRow[]> {
  if (!npmScriptFile('gateway') || !npmScriptFile('timer-server')) return [];
  const seconds = Math.max(1, Math.round((time * 4) / 1000 / ROUNDS));
  const jwks = await startJwks();
  const started: Running[] = [];
  try {
    const chain = async (issuer: string) => {
      const timer = await startTimer(issuer);
      started.push(timer);
      const gateway = await startGateway(jwks.issuer, timer.url);
      started.push(gateway);
      return { timer, gateway };
    };
    const chains = { fenced: await chain(jwks.issuer), open: await chain('insecure-no-auth') };
    const authorization = `Bearer ${await accessToken(jwks)}`;
    const load = (url: string, duration: number) =>
      cannon({
        url: `${url}/tasks`,
        connections: CONNECTIONS,
        duration,
        headers: { authorization },
      });
    for (const { gateway } of Object.values(chains)) await load(gateway.url, 1); // warm-up
    const perRequest = { fenced: [] as number[], open: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 ? (['open', 'fenced'] as const) : (['fenced', 'open'] as const);
      for (const which of order) {
        const { timer, gateway } = chains[which];
        const before = cpuMicros(timer.pid) + cpuMicros(gateway.pid);
        const result = await load(gateway.url, seconds);
        if (result.errors || result.non2xx || result.timeouts) {
          throw new Error(`${which}: ${result.errors} errors, ${result.non2xx} non-2xx`);
        }
        const used = cpuMicros(timer.pid) + cpuMicros(gateway.pid) - before;
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
    for (const process of started.reverse()) await process.stop();
    await jwks.close();
  }
}
