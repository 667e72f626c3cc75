// The benchmarks' side of the offline chain: their JWKS issuer and tokens, and their Timer server
// and gateway with the settings they run with. The processes are the local stack's: recipes from
// local/server-recipes.ts, started with startProcess (local/processes.ts) as the stack starts them.
import { readdirSync, readFileSync } from 'node:fs';
import {
  startIssuer,
  type TestIssuer,
  type TestKey,
} from '../../local/jwt-authorizer/test-issuer.ts';
import { startProcess, type Managed, type StartRecipe } from '../../local/processes.ts';
import {
  gatewayRecipe,
  listeningUrl,
  timerServerRecipe,
  type AcceptedTokens,
} from '../../local/server-recipes.ts';

export const CLIENT_ID = 'benchclient';
export const SCOPE = 'aws.cognito.signin.user.admin';

/** Tokens from `issuer` as accessToken makes them: what the benches' servers accept. */
const accepted = (issuer: string): AcceptedTokens => ({
  issuer,
  audience: CLIENT_ID,
  scopes: SCOPE,
});

/**
 * The reference Timer server in memory, checking tokens from `issuer` (the same rules as the
 * gateway's), or with `'insecure-no-auth'` none: the baseline that prices the second fence.
 */
export function benchTimerRecipe(issuer: string, port = 0): StartRecipe {
  return timerServerRecipe({
    port,
    db: ':memory:',
    auth: issuer === 'insecure-no-auth' ? issuer : accepted(issuer),
  });
}

export interface Chain {
  timer: Managed;
  gateway: Managed;
  timerUrl: string;
  gatewayUrl: string;
  /** Stops the gateway, then the Timer server (each stop is a no-op once it has stopped). */
  stop(): Promise<void>;
}

/**
 * The chain the benches measure: the Timer server (accepting tokens from `timerIssuer`, default the
 * gateway's) and the local gateway in front of it checking tokens from `issuer`, allowing the demo
 * app's default origin.
 */
export async function startChain(issuer: string, timerIssuer = issuer): Promise<Chain> {
  const timer = await startProcess(benchTimerRecipe(timerIssuer));
  const timerUrl = listeningUrl(timer);
  try {
    const gateway = await startProcess(
      gatewayRecipe({
        port: 0,
        auth: accepted(issuer),
        allowedOrigins: ['http://localhost:4200'],
        backend: { upstream: timerUrl },
      }),
    );
    const stop = async () => {
      await gateway.stop();
      await timer.stop();
    };
    return { timer, gateway, timerUrl, gatewayUrl: listeningUrl(gateway), stop };
  } catch (error) {
    await timer.stop();
    throw error;
  }
}

/**
 * A Cognito-shaped access token (RS256) from `jwks`, signed with `key` (default the issuer's own;
 * another key is one the issuer never published).
 */
export function accessToken(jwks: TestIssuer, ttlSeconds = 3600, key: TestKey = jwks.key) {
  const now = Math.floor(Date.now() / 1000);
  const claims = { token_use: 'access', client_id: CLIENT_ID, scope: SCOPE, sub: 'bench-user' };
  return jwks.sign({ ...claims, iss: jwks.issuer, iat: now, exp: now + ttlSeconds }, {}, key);
}

/**
 * The issuer of the benchmarks: the test issuer (local/jwt-authorizer/test-issuer.ts) serving
 * `${issuer}/.well-known/jwks.json` at its origin, where the gateway looks, as API Gateway does.
 */
export function startJwks(keys?: TestKey[]): Promise<TestIssuer> {
  return startIssuer({ path: '', ...(keys ? { keys } : {}) });
}

/** CPU time (user + system) a process has used so far, in µs (Linux /proc, USER_HZ = 100). */
export function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

/** Resident set size and open file descriptors of a process, from /proc (Linux). */
export function processStats(pid: number): { rss: number; fds: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) * 1024;
  return { rss, fds: readdirSync(`/proc/${pid}/fd`).length };
}
