// cognito-local's discovery document on a real process on a free port (not 9229): it names the
// issuer its tokens carry, so the gateway's and the Timer server's strict check accepts it and
// takes the key set from it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { jwksUriFromDocument } from '../jwt-authorizer/discovery.ts';
import type { CognitoLocal } from './cognito-local.ts';
import { DEMO_PASSWORD, DEMO_USERNAME, signIn, type Seeded } from './seed.ts';
import { startSeededCognito } from './testing.ts';

let cognito: CognitoLocal;
let seeded: Seeded;
let stop: (() => Promise<void>) | undefined;

before(
  async () => {
    ({ cognito, seeded, stop } = await startSeededCognito());
  },
  { timeout: 60_000 },
);
after(() => stop?.());

function claims(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8'));
}

test('the document names the issuer of the tokens, and the strict check takes its key set', async () => {
  const { AccessToken, IdToken } = await signIn(
    cognito.endpoint,
    seeded.userPoolClientId,
    DEMO_USERNAME,
    DEMO_PASSWORD,
  );
  const issuer = `${cognito.endpoint}/${seeded.userPoolId}`;
  assert.equal(claims(AccessToken)['iss'], issuer);
  assert.equal(claims(IdToken)['iss'], issuer);

  const response = await fetch(`${issuer}/.well-known/openid-configuration`);
  assert.equal(response.status, 200);
  const document = (await response.json()) as Record<string, unknown>;
  assert.equal(document['issuer'], issuer);
  assert.deepEqual(jwksUriFromDocument(issuer, document), {
    uri: `${issuer}/.well-known/jwks.json`,
  });

  const keys = (await (await fetch(String(document['jwks_uri']))).json()) as {
    keys: { kid: string }[];
  };
  const header = JSON.parse(Buffer.from(AccessToken.split('.')[0]!, 'base64url').toString('utf8'));
  assert.ok(
    keys.keys.some((key) => key.kid === header.kid),
    'the signing key is in the key set',
  );
});
