// Finding the key set as API Gateway does (the issuer's discovery document), used only when the
// document is consistent; otherwise `${issuer}/.well-known/jwks.json`. Real HTTP on 127.0.0.1.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAuthorizer } from './authorizer.ts';
import { fallbackJwksUri, jwksUriFromDocument } from './discovery.ts';
import { newTestKey, startIssuer, type TestIssuer } from './test-issuer.ts';

test('a document is used only with the exact issuer and a jwks_uri on the issuer origin', () => {
  const iss = 'https://idp.example/pool';
  const doc = (o: Record<string, unknown>) => jwksUriFromDocument(iss, { issuer: iss, ...o });
  assert.deepEqual(doc({ jwks_uri: 'https://idp.example/keys' }), {
    uri: 'https://idp.example/keys',
  });
  for (const [name, outcome] of [
    ['issuer with a slash', jwksUriFromDocument(iss, { issuer: `${iss}/`, jwks_uri: `${iss}/k` })],
    ['other issuer', jwksUriFromDocument(iss, { issuer: 'http://localhost:9229/pool' })],
    ['no jwks_uri', doc({})],
    ['not a URL', doc({ jwks_uri: 'keys.json' })],
    ['other host', doc({ jwks_uri: 'https://evil.example/keys' })],
    ['other port', doc({ jwks_uri: 'https://idp.example:8443/keys' })],
    ['other scheme', doc({ jwks_uri: 'http://idp.example/keys' })],
    ['user info', doc({ jwks_uri: 'https://user@idp.example/keys' })],
    ['not an object', jwksUriFromDocument(iss, ['x'])],
  ] as const) {
    assert.ok('refused' in outcome, name);
  }
  assert.equal(
    fallbackJwksUri('http://127.0.0.1:9229/pool/'),
    'http://127.0.0.1:9229/pool/.well-known/jwks.json',
  );
});

/** The discovery document per pool (undefined: 404). */
const documents = new Map<string, (issuer: string) => unknown>();
/** One server for every pool under `${base}/POOL`: its discovery document and its keys. */
let keys: TestIssuer;
let base: string;
/** Request paths the server saw, in order. */
let seen: string[];

before(async () => {
  keys = await startIssuer({
    keys: [await newTestKey('k1')],
    isJwks: (url) => url.endsWith('/keys') || url.endsWith('/.well-known/jwks.json'),
    other(req, res, origin) {
      const url = req.url ?? '';
      const pool = url.split('/')[1] ?? '';
      const document = url.endsWith('/.well-known/openid-configuration') && documents.get(pool);
      if (!document) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(document(`${origin}/${pool}`)));
    },
  });
  base = keys.base;
  seen = keys.requests;
});
after(() => keys.close());

async function authorizeIn(pool: string): Promise<{ ok: boolean; lines: string[] }> {
  const issuer = `${base}/${pool}`;
  const lines: string[] = [];
  const authorizer = createAuthorizer({
    issuer,
    audience: ['client1'],
    log: (l) => lines.push(l),
    verifiedTokenCacheSize: 0,
  });
  const now = Math.floor(Date.now() / 1000);
  const token = await keys.sign({ iss: issuer, client_id: 'client1', iat: now, exp: now + 300 });
  // Twice: discovery happens once.
  await authorizer.authorize(`Bearer ${token}`, []);
  const decision = await authorizer.authorize(`Bearer ${token}`, []);
  return { ok: decision.ok, lines };
}

test('a consistent discovery document decides where the keys are, and is read once', async () => {
  documents.set('consistent', (issuer) => ({ issuer, jwks_uri: `${issuer}/keys` }));
  seen.length = 0;
  const { ok, lines } = await authorizeIn('consistent');
  assert.equal(ok, true);
  assert.deepEqual(seen, ['/consistent/.well-known/openid-configuration', '/consistent/keys']);
  assert.deepEqual(lines, []);
});

test('an inconsistent document (cognito-local names localhost) falls back to jwks.json, logged once', async () => {
  documents.set('local', () => ({
    issuer: 'http://localhost:9229/local',
    jwks_uri: 'http://localhost:9229/local/.well-known/jwks.json',
  }));
  documents.set('elsewhere', (issuer) => ({ issuer, jwks_uri: 'http://127.0.0.2:1/keys' }));
  for (const pool of ['local', 'elsewhere']) {
    seen.length = 0;
    const { ok, lines } = await authorizeIn(pool);
    assert.equal(ok, true, pool);
    assert.deepEqual(seen, [
      `/${pool}/.well-known/openid-configuration`,
      `/${pool}/.well-known/jwks.json`,
    ]);
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.match(lines[0]!, /discovery document .* not used: /);
  }
});

test('no discovery document: jwks.json, without a log line', async () => {
  seen.length = 0;
  const { ok, lines } = await authorizeIn('plain');
  assert.equal(ok, true);
  assert.deepEqual(seen, [
    '/plain/.well-known/openid-configuration',
    '/plain/.well-known/jwks.json',
  ]);
  assert.deepEqual(lines, []);
});
