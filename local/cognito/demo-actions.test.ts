// Every Cognito action the demo app can call is one the local stack answers: each Amplify auth
// function the app imports is mapped to the Cognito actions it sends (Amplify 6.22), and the local
// cognito-local, with the actions local/cognito/ adds, must know each of them. A new Amplify call
// in the app fails here until it is mapped, and emulated if cognito-local lacks it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../tools/paths.ts';
import { cognitoRequest } from './api.ts';
import { useSeededCognito } from './testing.ts';

/** Amplify auth function → the Cognito actions it sends, as the demo uses it. */
const ACTIONS: Record<string, string[]> = {
  // USER_PASSWORD_AUTH or USER_AUTH offline; SRP on AWS also answers PASSWORD_VERIFIER with
  // RespondToAuthChallenge.
  signIn: ['InitiateAuth'],
  signOut: ['RevokeToken'],
  fetchAuthSession: ['GetTokensFromRefreshToken'],
  // The TOTP setup challenge (MFA_SETUP) would also call AssociateSoftwareToken/VerifySoftwareToken
  // with a Session; the local pool's MFA is optional, so it never asks for that step.
  // Also SELECT_CHALLENGE, PASSWORD, EMAIL_OTP and WEB_AUTHN (the passkey's assertion) of USER_AUTH.
  confirmSignIn: ['RespondToAuthChallenge'],
  signUp: ['SignUp'],
  confirmSignUp: ['ConfirmSignUp'],
  resendSignUpCode: ['ResendConfirmationCode'],
  autoSignIn: ['InitiateAuth'],
  resetPassword: ['ForgotPassword'],
  confirmResetPassword: ['ConfirmForgotPassword'],
  fetchMFAPreference: ['GetUser'],
  setUpTOTP: ['AssociateSoftwareToken'],
  verifyTOTPSetup: ['VerifySoftwareToken'],
  updateMFAPreference: ['SetUserMFAPreference'],
  associateWebAuthnCredential: ['StartWebAuthnRegistration', 'CompleteWebAuthnRegistration'],
  listWebAuthnCredentials: ['ListWebAuthnCredentials'],
  deleteWebAuthnCredential: ['DeleteWebAuthnCredential'],
};

/** The functions the app's own code imports from aws-amplify/auth. */
function amplifyCalls(): Set<string> {
  const calls = new Set<string>();
  const files = globSync('src/app/**/*.ts', { cwd: ROOT }).filter((f) => !f.endsWith('.spec.ts'));
  for (const file of files) {
    const source = readFileSync(join(ROOT, file), 'utf8');
    for (const [, names] of source.matchAll(/import\s*{([^}]*)}\s*from\s*'aws-amplify\/auth'/g)) {
      for (const name of names!.split(',').map((n) => n.trim())) {
        if (name && !name.startsWith('type ')) calls.add(name);
      }
    }
  }
  return calls;
}

const cognito = useSeededCognito();

test('every Amplify auth call of the demo app is mapped to the Cognito actions it sends', () => {
  const calls = amplifyCalls();
  assert.ok(calls.has('signIn') && calls.has('resendSignUpCode'), [...calls].join(', '));
  const unmapped = [...calls].filter((name) => !(name in ACTIONS));
  assert.deepEqual(unmapped, [], 'map each call in ACTIONS (and emulate what cognito-local lacks)');
});

test('the local cognito-local answers every one of those actions', async () => {
  const unsupported: string[] = [];
  for (const action of new Set(Object.values(ACTIONS).flat())) {
    const response = await cognitoRequest(cognito.endpoint, action, {});
    const body = (await response.json().catch(() => ({}))) as { __type?: string };
    // An empty request is refused in words (400); an unknown action is cognito-local's 500.
    if (response.status >= 500 || body.__type === 'CognitoLocal#Unsupported') {
      unsupported.push(`${action}: ${response.status} ${JSON.stringify(body)}`);
    }
  }
  assert.deepEqual(unsupported, []);
});
