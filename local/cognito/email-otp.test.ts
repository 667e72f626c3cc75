// Sign-in with an emailed code (USER_AUTH, EMAIL_OTP) on a real cognito-local process: the right
// code, a wrong one, an expired one, a reused one, and where a test reads the code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sentSignInCode } from './codes.ts';
import { CODE_DIGITS } from './email-otp.ts';
import { setLocalClock } from './local-clock.ts';
import { ok, refused, useSeededCognito } from './testing.ts';

const local = useSeededCognito();
const call = local.call;
const email = () => local.seeded.credentials.username;

/** USER_AUTH asking for an email code: the EMAIL_OTP challenge. */
async function codeSent(): Promise<{
  session: string;
  code: string;
  body: Record<string, unknown>;
}> {
  const body = ok(
    await call('InitiateAuth', {
      AuthFlow: 'USER_AUTH',
      ClientId: local.seeded.userPoolClientId,
      AuthParameters: { USERNAME: email(), PREFERRED_CHALLENGE: 'EMAIL_OTP' },
    }),
  );
  const session = String(body['Session']);
  return {
    session,
    code: await sentSignInCode(local.data, email()),
    body,
  };
}

const answer = (Session: string, EMAIL_OTP_CODE: string) =>
  call('RespondToAuthChallenge', {
    ClientId: local.seeded.userPoolClientId,
    ChallengeName: 'EMAIL_OTP',
    Session,
    ChallengeResponses: { USERNAME: email(), EMAIL_OTP_CODE },
  });

const tokens = (body: Record<string, unknown>) =>
  body['AuthenticationResult'] as { AccessToken: string; RefreshToken: string; TokenType: string };

test('the right code signs in; the challenge says where the code went', async () => {
  const { session, code, body } = await codeSent();
  assert.equal(body['ChallengeName'], 'EMAIL_OTP');
  assert.deepEqual(body['ChallengeParameters'], {
    CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL',
    CODE_DELIVERY_DESTINATION: 'd***@e***',
  });
  assert.match(code, new RegExp(`^[0-9]{${CODE_DIGITS}}$`));
  const signedIn = tokens(ok(await answer(session, code)));
  assert.equal(signedIn.TokenType, 'Bearer');
  // The refresh token it issued refreshes.
  ok(
    await call('GetTokensFromRefreshToken', {
      ClientId: local.seeded.userPoolClientId,
      RefreshToken: signedIn.RefreshToken,
    }),
  );
});

test('the same way through SELECT_CHALLENGE', async () => {
  const select = ok(
    await call('InitiateAuth', {
      AuthFlow: 'USER_AUTH',
      ClientId: local.seeded.userPoolClientId,
      AuthParameters: { USERNAME: email() },
    }),
  );
  const chosen = ok(
    await call('RespondToAuthChallenge', {
      ClientId: local.seeded.userPoolClientId,
      ChallengeName: 'SELECT_CHALLENGE',
      Session: select['Session'],
      ChallengeResponses: { USERNAME: email(), ANSWER: 'EMAIL_OTP' },
    }),
  );
  assert.equal(chosen['ChallengeName'], 'EMAIL_OTP');
  const code = await sentSignInCode(local.data, email());
  assert.ok(tokens(ok(await answer(String(chosen['Session']), code))).AccessToken);
});

test('a wrong code is CodeMismatchException and may be corrected; the third ends the session', async () => {
  const first = await codeSent();
  const wrong = first.code === '00000000' ? '11111111' : '00000000';
  refused(await answer(first.session, wrong), 'CodeMismatchException');
  refused(await answer(first.session, ''), 'CodeMismatchException');
  assert.ok(tokens(ok(await answer(first.session, first.code))).AccessToken);

  const second = await codeSent();
  for (let i = 0; i < 3; i++) refused(await answer(second.session, wrong), 'CodeMismatchException');
  refused(await answer(second.session, second.code), 'NotAuthorizedException', /Invalid session/);
});

test('a used code does not sign in again', async () => {
  const { session, code } = await codeSent();
  ok(await answer(session, code));
  refused(await answer(session, code), 'NotAuthorizedException', /Invalid session/);
});

test('a code expires with its session (AuthSessionValidity, 3 minutes)', async () => {
  const { session, code } = await codeSent();
  setLocalClock(local.dataDir, 3 * 60 - 5);
  const inTime = await codeSent();
  ok(await answer(inTime.session, inTime.code));
  setLocalClock(local.dataDir, 3 * 60 + 1);
  refused(await answer(session, code), 'NotAuthorizedException', /session is expired/);
});

test('each request sends a new code; only its own session takes it', async () => {
  const first = await codeSent();
  const second = await codeSent();
  const again = await sentSignInCode(local.data, email(), first.code);
  assert.equal(again, second.code);
  if (first.code !== second.code) {
    refused(await answer(second.session, first.code), 'CodeMismatchException');
  }
  ok(await answer(first.session, first.code));
  ok(await answer(second.session, second.code));
});
