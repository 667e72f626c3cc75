// Runs the built, minified artifact the way Lambda does: a fresh Node process with the
// environment set before the module loads.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { CORS_LAMBDA_FILE } from '../../tools/paths.ts';
import { bundleHandler } from './build.ts';

const run = promisify(execFile);
let dir: string;
let artifact: string;
let inlineArtifact: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cors-preflight-'));
  artifact = join(dir, 'index.mjs');
  await writeFile(artifact, await bundleHandler('esm'));
  // CloudFormation writes inline code to index.js, which Node treats as CommonJS.
  inlineArtifact = join(dir, 'inline', 'index.js');
  await mkdir(join(dir, 'inline'));
  await writeFile(join(dir, 'inline', 'package.json'), '{"type":"commonjs"}');
  await writeFile(inlineArtifact, await bundleHandler('cjs'));
});
after(() => rm(dir, { recursive: true, force: true }));

async function invoke(
  env: Record<string, string>,
  event: unknown,
  form: 'esm' | 'cjs' = 'esm',
): Promise<{ stdout: string; stderr: string }> {
  const load =
    form === 'esm'
      ? `await import(${JSON.stringify(artifact)})`
      : `require(${JSON.stringify(inlineArtifact)})`;
  const script = `(async () => { const { handler } = ${load}; console.log(JSON.stringify(await handler(${JSON.stringify(event)}))); })().catch((e) => { console.error(e); process.exit(1); });`;
  return run(process.execPath, ['--input-type=commonjs', '-e', script], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    timeout: 10_000,
  });
}

function preflight(origin: string | undefined, method = 'GET', headers = 'authorization') {
  return {
    version: '2.0',
    routeKey: 'OPTIONS /{proxy+}',
    rawPath: '/tasks',
    headers: {
      ...(origin === undefined ? {} : { origin }),
      'access-control-request-method': method,
      'access-control-request-headers': headers,
    },
    requestContext: { http: { method: 'OPTIONS', path: '/tasks' } },
  };
}

test('the built artifact stays small enough for an inline ZipFile and a fast cold start', async () => {
  const { stat } = await import('node:fs/promises');
  assert.ok(
    (await stat(artifact)).size <= 3072,
    'dist/cors-preflight/index.mjs must be at most 3 KB',
  );
});

test('an allowed origin gets a 204 grant from the built handler', async () => {
  const { stdout } = await invoke(
    { ALLOWED_ORIGINS: 'http://localhost:4200' },
    preflight('http://localhost:4200'),
  );
  const result = JSON.parse(stdout);
  assert.equal(result.statusCode, 204);
  assert.equal(result.headers['access-control-allow-origin'], 'http://localhost:4200');
  assert.equal(
    result.headers['access-control-allow-headers'],
    'Authorization,Content-Type,If-Match',
  );
  assert.equal(result.headers['vary'], 'Origin');
  assert.equal(result.body, '');
});

test('the built handler grants capacitor://localhost when configured, and its look-alikes nothing', async () => {
  const env = { ALLOWED_ORIGINS: 'capacitor://localhost,https://localhost' };
  const granted = JSON.parse((await invoke(env, preflight('capacitor://localhost'))).stdout);
  assert.equal(granted.statusCode, 204);
  assert.equal(granted.headers['access-control-allow-origin'], 'capacitor://localhost');
  for (const origin of ['capacitor://localhost/', 'CAPACITOR://localhost', 'ionic://localhost']) {
    const refused = JSON.parse((await invoke(env, preflight(origin))).stdout);
    assert.deepEqual(refused, { statusCode: 403, headers: { vary: 'Origin' }, body: '' }, origin);
  }
});

test('a foreign origin and a missing origin get a bare 403', async () => {
  for (const origin of ['https://evil.example', undefined]) {
    const { stdout } = await invoke(
      { ALLOWED_ORIGINS: 'http://localhost:4200' },
      preflight(origin),
    );
    assert.deepEqual(JSON.parse(stdout), {
      statusCode: 403,
      headers: { vary: 'Origin' },
      body: '',
    });
  }
});

test('an event without headers is refused, not a crash', async () => {
  const { stdout } = await invoke({ ALLOWED_ORIGINS: 'http://localhost:4200' }, { version: '2.0' });
  assert.equal(JSON.parse(stdout).statusCode, 403);
});

test('an invalid configuration fails at import with the reason', async () => {
  await assert.rejects(
    invoke({ ALLOWED_ORIGINS: '*' }, preflight('http://localhost:4200')),
    (error: Error & { stderr: string }) => {
      assert.match(error.stderr, /CorsConfigError/);
      assert.match(error.stderr, /ALLOWED_ORIGINS contains "\*"/);
      return true;
    },
  );
});

test('header names in the event match case-insensitively; a duplicated Origin is refused', async () => {
  const env = { ALLOWED_ORIGINS: 'http://localhost:4200' };
  const mixed = await invoke(env, {
    headers: { Origin: 'http://localhost:4200', 'Access-Control-Request-Method': 'GET' },
  });
  assert.equal(JSON.parse(mixed.stdout).statusCode, 204);
  const twice = await invoke(env, {
    headers: {
      Origin: 'https://evil.example',
      origin: 'http://localhost:4200',
      'access-control-request-method': 'GET',
    },
  });
  assert.equal(JSON.parse(twice.stdout).statusCode, 403);
});

test('the inline (CommonJS) form answers exactly like the ESM artifact', async () => {
  const env = {
    ALLOWED_ORIGINS: 'https://app.example.com,http://localhost:4200',
    ALLOWED_METHODS: 'GET,PUT',
    MAX_AGE: '300',
  };
  const events = [
    preflight('https://app.example.com', 'PUT', 'authorization,content-type'),
    preflight('http://localhost:4200', 'DELETE'),
    preflight('https://app.example.com', 'GET', 'x-api-key'),
    preflight('https://app.example.com.evil.example'),
    preflight(undefined),
  ];
  for (const event of events) {
    const [esm, cjs] = await Promise.all([invoke(env, event, 'esm'), invoke(env, event, 'cjs')]);
    assert.deepEqual(JSON.parse(cjs.stdout), JSON.parse(esm.stdout));
  }
  const granted = JSON.parse((await invoke(env, events[0], 'cjs')).stdout);
  assert.equal(granted.statusCode, 204);
  assert.equal(granted.headers['access-control-max-age'], '300');
});

test('dist/cors-preflight/index.mjs, when built, is byte-for-byte the artifact tested here', async (t) => {
  if (!existsSync(CORS_LAMBDA_FILE)) {
    t.skip('run npm run build:lambda first (npm test does)');
    return;
  }
  assert.ok(
    (await readFile(CORS_LAMBDA_FILE, 'utf8')) === (await readFile(artifact, 'utf8')),
    'dist/cors-preflight/index.mjs is stale: run npm run build:lambda',
  );
});
