// Finding the key set as API Gateway does (the issuer's discovery document), used only when the
// document is consistent; otherwise `${issuer}/.well-known/jwks.json`. Real HTTP on 127.0.0.1.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK } from 'jose';
import { createAuthorizer } from './authorizer.ts';
import { fallbackJwksUri, jwksUriFromDocument } from './discovery.ts';

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

let server: Server;
let base: string;
let privateKey: KeyObject;
let jwk: Record<string, unknown>;
/** Request paths the server saw, in order. */
const seen: string[] = [];
/** The discovery document per pool (undefined: 404). */
const documents = new Map<string, (issuer: string) => unknown>();

before(async () => {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  privateKey = pair.privateKey;
  jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256' };
  server = createServer((req, res) => {
    const url = req.url ?? '';
    seen.push(url);
    const pool = url.split('/')[1] ?? '';
    if (url.endsWith('/.well-known/openid-configuration')) {
      const document = documents.get(pool);
      if (document === undefined) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify(document(`${base}/${pool}`)));
    }
    if (url.endsWith('/keys') || url.endsWith('/.well-known/jwks.json')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ keys: [jwk] }));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(
  () =>
    new Promise<void>((r) => {
      server.close(() => r());
      server.closeAllConnections();
    }),
);

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
  const token = await new SignJWT({ iss: issuer, client_id: 'client1', iat: now })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setExpirationTime(now + 300)
    .sign(privateKey);
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
