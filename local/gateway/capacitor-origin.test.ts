// A Capacitor app on iOS calls from `capacitor://localhost`. Through the real gateway CLI (a child
// process on port 0, the built CORS Lambda answering preflight): allowed when --allowed-origins
// names it, refused when the configuration does not, and a look-alike never gets as far as a
// listening gateway.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ProcessStartError, startProcess } from '../processes.ts';

const main = join(dirname(fileURLToPath(import.meta.url)), 'main.ts');
const APP = 'capacitor://localhost';
// Nothing listens on port 1: a test that reached the issuer or the upstream would fail loudly.
const NOWHERE = ['--issuer', 'http://127.0.0.1:1/pool', '--upstream', 'http://127.0.0.1:1'];

function startGatewayCli(args: string[]) {
  return startProcess({
    name: 'gateway',
    command: process.execPath,
    args: [main, '--port', '0', ...NOWHERE, ...args],
    ready: /^listening on (http:\/\/127\.0\.0\.1:\d+)$/m,
    timeoutMs: 20_000,
  });
}

function preflight(url: string, origin: string): Promise<Response> {
  return fetch(`${url}/tasks`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type',
    },
  });
}

test(
  'capacitor://localhost, when configured, passes preflight and gets CORS headers on a 401',
  { timeout: 30_000 },
  async () => {
    const gateway = await startGatewayCli(['--allowed-origins', `http://localhost:4200,${APP}`]);
    try {
      const url = gateway.ready[1]!;
      const granted = await preflight(url, APP);
      assert.equal(granted.status, 204);
      assert.equal(granted.headers.get('access-control-allow-origin'), APP);
      assert.match(granted.headers.get('access-control-allow-headers') ?? '', /Authorization/);
      // The actual request without a token: the authorizer's 401 still names the app's origin,
      // so the app sees a 401 instead of a CORS failure.
      const actual = await fetch(`${url}/tasks`, { headers: { origin: APP } });
      assert.equal(actual.status, 401);
      assert.equal(actual.headers.get('access-control-allow-origin'), APP);
      for (const origin of [
        'capacitor://localhost/',
        'CAPACITOR://localhost',
        'ionic://localhost',
      ]) {
        const refused = await preflight(url, origin);
        assert.equal(refused.status, 403, origin);
        assert.equal(refused.headers.get('access-control-allow-origin'), null, origin);
      }
    } finally {
      await gateway.stop();
    }
  },
);

test('capacitor://localhost, when not configured, is refused', { timeout: 30_000 }, async () => {
  // The local parameters file allows only the web demo's origins.
  const gateway = await startGatewayCli([]);
  try {
    const url = gateway.ready[1]!;
    const refused = await preflight(url, APP);
    assert.equal(refused.status, 403);
    assert.equal(refused.headers.get('access-control-allow-origin'), null);
    const actual = await fetch(`${url}/tasks`, { headers: { origin: APP } });
    assert.equal(actual.status, 401);
    assert.equal(actual.headers.get('access-control-allow-origin'), null);
    assert.equal((await preflight(url, 'http://localhost:4200')).status, 204, 'control');
  } finally {
    await gateway.stop();
  }
});

test(
  '--allowed-origins with a capacitor look-alike stops the gateway before it listens',
  { timeout: 30_000 },
  async () => {
    for (const origin of ['capacitor://localhost.evil.com', 'capacitor://localhost:1']) {
      await assert.rejects(
        startGatewayCli(['--allowed-origins', origin]),
        (e: unknown) =>
          e instanceof ProcessStartError &&
          e.message.includes('exited (1) before it was ready') &&
          e.message.includes(`--allowed-origins: ${JSON.stringify(origin)} is not allowed`),
        origin,
      );
    }
  },
);
