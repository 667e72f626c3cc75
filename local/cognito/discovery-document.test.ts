// cognito-local's discovery document on a real process on a free port (not 9229): it names the
// issuer its tokens carry, so the gateway's and the Timer server's strict check accepts it and
// takes the key set from it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { jwksUriFromDocument } from '../jwt-authorizer/discovery.ts';
import { DEMO_PASSWORD, DEMO_USERNAME, signIn } from './seed.ts';
import { startSeededCognito } from './testing.ts';

test('the document names the issuer of the tokens, and the strict check takes its key set', async (t) => {
  const { cognito, seeded, stop } = await startSeededCognito();
  t.after(stop);
  const { AccessToken, IdToken } = await signIn(
    cognito.endpoint,
    seeded.userPoolClientId,
    DEMO_USERNAME,
    DEMO_PASSWORD,
  );
  const issuer = `${cognito.endpoint}/${seeded.userPoolId}`;
  assert.equal(decodeJwt(AccessToken).iss, issuer);
  assert.equal(decodeJwt(IdToken).iss, issuer);

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
  const { kid } = decodeProtectedHeader(AccessToken);
  assert.ok(
    keys.keys.some((key) => key.kid === kid),
    'the signing key is in the key set',
  );
});
