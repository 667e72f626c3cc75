// The template's password policy on a real cognito-local process: every action that sets a
// password refuses one the policy refuses, as AWS does, and the seeded passwords pass it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cognitoCall, CognitoApiError } from './api.ts';
import type { PasswordPolicy } from './internals.ts';
import { passwordProblem } from './password-policy.ts';
import {
  DEMO_PASSWORD,
  ensureTemporaryPassword,
  ensureUser,
  OTHER_PASSWORD,
  signIn,
  TEMPORARY_PASSWORD,
} from './seed.ts';
import { templatePool } from './template-pool.ts';
import { useSeededCognito } from './testing.ts';

const cognito = useSeededCognito();

const STRONG = 'Strong-Passw0rd!';
const REFUSED = /^InvalidPasswordException: Password did not conform with policy: /;

test('the local pool takes the template’s policy: 12 characters, every class; clients hide who exists', () => {
  assert.deepEqual(templatePool(), {
    passwordPolicy: {
      MinimumLength: 12,
      RequireLowercase: true,
      RequireUppercase: true,
      RequireNumbers: true,
      RequireSymbols: true,
      TemporaryPasswordValidityDays: 3,
    },
    preventUserExistenceErrors: 'ENABLED',
  });
});

test('passwordProblem names the first rule broken, in AWS’s words', () => {
  const policy: PasswordPolicy = templatePool().passwordPolicy;
  const cases: [string, string | null][] = [
    ['alllowercase', 'Password must have uppercase characters'],
    ['Short-1!', 'Password not long enough'],
    ['ALL-UPPER-CASE-1', 'Password must have lowercase characters'],
    ['No-Digits-Here!', 'Password must have numeric characters'],
    ['NoSymbolsHere12', 'Password must have symbol characters'],
    // A space counts as a symbol only between other characters.
    ['With Space 1234a', null],
    [' NoSymbolsHere1', 'Password must have symbol characters'],
    [STRONG, null],
  ];
  for (const [password, problem] of cases) {
    assert.equal(passwordProblem(password, policy), problem, password);
  }
  // Cognito's default policy applies to a pool without one: 8 characters.
  assert.equal(passwordProblem('Abcdef1!', {}), null);
  assert.equal(passwordProblem('Abcde1!', {}), 'Password not long enough');
});

test('the seeded and test passwords satisfy the template’s policy', () => {
  const policy = templatePool().passwordPolicy;
  for (const password of [DEMO_PASSWORD, OTHER_PASSWORD, TEMPORARY_PASSWORD, 'E2e-Passw0rd!']) {
    assert.equal(passwordProblem(password, policy), null, password);
  }
});

async function refused(action: string, body: Record<string, unknown>, rule: string) {
  await assert.rejects(cognitoCall(cognito.endpoint, action, body), (error: unknown) => {
    assert.ok(error instanceof CognitoApiError);
    assert.match(error.message, REFUSED);
    assert.ok(error.message.endsWith(rule), error.message);
    return true;
  });
}

test('every action that sets a password refuses "alllowercase" with InvalidPasswordException', async () => {
  const { endpoint, seeded } = cognito;
  const ClientId = seeded.userPoolClientId;
  const UserPoolId = seeded.userPoolId;
  const upper = 'Password must have uppercase characters';
  await refused(
    'SignUp',
    { ClientId, Username: 'weak@example.com', Password: 'alllowercase' },
    upper,
  );
  await refused(
    'AdminCreateUser',
    { UserPoolId, Username: 'weak@example.com', TemporaryPassword: 'alllowercase' },
    upper,
  );
  const email = 'policy@example.com';
  await ensureUser(endpoint, UserPoolId, email, STRONG);
  await refused(
    'AdminSetUserPassword',
    { UserPoolId, Username: email, Password: 'short' },
    'Password not long enough',
  );

  const { AccessToken } = await signIn(endpoint, ClientId, email, STRONG);
  await refused(
    'ChangePassword',
    { AccessToken, PreviousPassword: STRONG, ProposedPassword: 'alllowercase' },
    upper,
  );

  await cognitoCall(endpoint, 'ForgotPassword', { ClientId, Username: email });
  await refused(
    'ConfirmForgotPassword',
    { ClientId, Username: email, ConfirmationCode: '123456', Password: 'alllowercase' },
    upper,
  );

  await ensureTemporaryPassword(endpoint, UserPoolId, 'temporary@example.com', TEMPORARY_PASSWORD);
  const challenge = await cognitoCall<{ Session: string; ChallengeName: string }>(
    endpoint,
    'InitiateAuth',
    {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId,
      AuthParameters: { USERNAME: 'temporary@example.com', PASSWORD: TEMPORARY_PASSWORD },
    },
  );
  assert.equal(challenge.ChallengeName, 'NEW_PASSWORD_REQUIRED');
  const respond = (NEW_PASSWORD: string) =>
    cognitoCall<{ AuthenticationResult?: unknown }>(endpoint, 'RespondToAuthChallenge', {
      ClientId,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: challenge.Session,
      ChallengeResponses: { USERNAME: 'temporary@example.com', NEW_PASSWORD },
    });
  await assert.rejects(respond('alllowercase'), { type: 'InvalidPasswordException' });
  // The policy only refuses: a good password then goes through as cognito-local has it.
  assert.ok((await respond(STRONG)).AuthenticationResult);
  assert.ok((await signIn(endpoint, ClientId, 'temporary@example.com', STRONG)).AccessToken);
});
