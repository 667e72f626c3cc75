// The recipes' flags as each CLI reads them: the pure choices (accepted tokens or none, file or
// default store, upstream or Timer Lambda), then the real Timer server and gateway started from
// them on port 0, so a flag one CLI renames fails here rather than in the stack or a bench.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LOCAL_LAMBDA_PARAMETERS_FILE } from '../tools/paths.ts';
import { startIssuer } from './jwt-authorizer/test-issuer.ts';
import { startProcess, type Managed } from './processes.ts';
import { gatewayRecipe, listeningUrl, timerServerRecipe } from './server-recipes.ts';

const ACCEPTED = { issuer: 'http://127.0.0.1:1/pool', audience: 'client1' };

/** The value after `flag`, or undefined when the flag is absent. */
function flag(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at < 0 ? undefined : args[at + 1];
}

test('the Timer server recipe: accepted tokens, scopes only when given, no --db means the default file', () => {
  const checked = timerServerRecipe({ port: 0, auth: { ...ACCEPTED, scopes: 'a,b' } }).args;
  assert.equal(flag(checked, '--issuer'), ACCEPTED.issuer);
  assert.equal(flag(checked, '--audience'), 'client1');
  assert.equal(flag(checked, '--scopes'), 'a,b');
  assert.ok(!checked.includes('--db'));
  const open = timerServerRecipe({ port: 3100, db: ':memory:', auth: 'insecure-no-auth' }).args;
  assert.ok(open.includes('--insecure-no-auth'));
  assert.ok(!open.includes('--issuer') && !open.includes('--scopes'));
  assert.equal(flag(open, '--db'), ':memory:');
  assert.equal(flag(open, '--port'), '3100');
  assert.ok(
    !timerServerRecipe({ port: 0, auth: { ...ACCEPTED, scopes: '' } }).args.includes('--scopes'),
  );
});

test('the gateway recipe: an upstream, or the Timer Lambda on its table with the Lambda parameters', () => {
  const common = { port: 0, auth: ACCEPTED, allowedOrigins: ['http://a.test', 'http://b.test'] };
  const proxied = gatewayRecipe({ ...common, backend: { upstream: 'http://127.0.0.1:2' } }).args;
  assert.equal(flag(proxied, '--upstream'), 'http://127.0.0.1:2');
  assert.equal(flag(proxied, '--allowed-origins'), 'http://a.test,http://b.test');
  assert.ok(!proxied.includes('--parameters'));
  const lambda = gatewayRecipe({ ...common, backend: { lambdaTable: 'http://127.0.0.1:3' } }).args;
  assert.equal(flag(lambda, '--parameters'), LOCAL_LAMBDA_PARAMETERS_FILE);
  assert.equal(flag(lambda, '--lambda-env'), 'DYNAMODB_ENDPOINT=http://127.0.0.1:3');
  assert.ok(!lambda.includes('--upstream'));
});

test(
  'the CLIs take the recipes: an accepted token passes gateway and Timer server, none is 401',
  { timeout: 60_000 },
  async () => {
    const jwks = await startIssuer();
    const auth = { issuer: jwks.issuer, audience: 'client1', scopes: 'timers/read' };
    const started: Managed[] = [];
    try {
      const open = await startProcess(
        timerServerRecipe({ port: 0, db: ':memory:', auth: 'insecure-no-auth' }),
      );
      started.push(open);
      assert.match(listeningUrl(open), /^http:\/\/127\.0\.0\.1:\d+$/);

      const timer = await startProcess(timerServerRecipe({ port: 0, db: ':memory:', auth }));
      started.push(timer);
      const gateway = await startProcess(
        gatewayRecipe({
          port: 0,
          auth,
          allowedOrigins: ['http://localhost:4200'],
          backend: { upstream: listeningUrl(timer) },
        }),
      );
      started.push(gateway);
      const now = Math.floor(Date.now() / 1000);
      const token = await jwks.sign({
        iss: jwks.issuer,
        token_use: 'access',
        client_id: 'client1',
        scope: 'timers/read',
        sub: 'user-1',
        iat: now,
        exp: now + 300,
      });
      const tasks = `${listeningUrl(gateway)}/tasks`;
      const allowed = await fetch(tasks, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(allowed.status, 200, await allowed.text());
      assert.equal((await fetch(tasks)).status, 401);
    } finally {
      for (const server of started.reverse()) await server.stop();
      await jwks.close();
    }
  },
);
