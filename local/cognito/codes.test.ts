// The tests' readers of "sent" codes wait through cognito-local's rewrites of its data file: it
// truncates the file and writes it anew, so a read in between finds it empty or cut short, which
// is "no code yet", not an error.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { poolDataFile, sentCode, sentSignInCode, type CognitoData } from './codes.ts';

const email = 'ann@example.com';
let data: CognitoData;

before(async () => {
  data = { cognitoDataDir: await mkdtemp(join(tmpdir(), 'codes-test-')), userPoolId: 'local_x' };
  await mkdir(join(data.cognitoDataDir, '.cognito', 'db'), { recursive: true });
});
after(() => rm(data.cognitoDataDir, { recursive: true, force: true }));

/** The pool file as cognito-local leaves it mid-write (`text`), then whole 300 ms later. */
async function rewrittenTo(text: string, user: Record<string, unknown>): Promise<void> {
  await writeFile(poolDataFile(data), text);
  setTimeout(() => {
    void writeFile(poolDataFile(data), JSON.stringify({ Users: { [email]: user } }));
  }, 300);
}

const attributes = [{ Name: 'email', Value: email }];

test('a sign-up code is read once the file being rewritten is whole again', async () => {
  await rewrittenTo('', { Username: 'a-sub', Attributes: attributes, ConfirmationCode: '123456' });
  assert.equal(await sentCode(data, email), '123456');
});

test('an emailed sign-in code is read once the file being rewritten is whole again', async () => {
  await rewrittenTo('{"Users": {"ann@exa', {
    Username: 'a-sub',
    Attributes: attributes,
    AuthSessions: {
      s1: {
        challenge: 'EMAIL_OTP',
        code: '12345678',
        createdAt: 1,
        expiresAt: Date.now() + 60_000,
      },
    },
  });
  assert.equal(await sentSignInCode(data, email), '12345678');
});
