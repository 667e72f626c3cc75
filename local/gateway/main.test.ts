// The CLI as users and the hostile-token corpus run it: a real child process on port 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startIssuer, startUpstream } from './testing.ts';

const main = join(dirname(fileURLToPath(import.meta.url)), 'main.ts');

test(
  'npm run gateway: ready line on 127.0.0.1, tokens checked, SIGTERM exits',
  { timeout: 30_000 },
  async () => {
    const issuer = await startIssuer();
    const upstream = await startUpstream();
    const child = spawn(
      process.execPath,
      [
        main,
        '--port',
        '0',
        '--issuer',
        issuer.issuer,
        '--audience',
        'c1,c2',
        '--upstream',
        upstream.url,
        '--allowed-origins',
        'http://localhost:4200',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(out);
          if (m) resolve(m[1]);
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const token = await issuer.sign({
        iss: issuer.issuer,
        client_id: 'c2',
        scope: 'aws.cognito.signin.user.admin',
        exp: Math.floor(Date.now() / 1000) + 60,
      });
      assert.equal((await fetch(`${url}/x`, { headers: { authorization: token } })).status, 200);
      assert.equal((await fetch(`${url}/x`)).status, 401);
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      assert.equal(code, 0);
    } finally {
      child.kill('SIGKILL');
      await upstream.close();
      await issuer.close();
    }
  },
);

test('bad flags exit non-zero with a message', { timeout: 30_000 }, async () => {
  const child = spawn(process.execPath, [main, '--port', 'abc'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const [code] = await once(child, 'exit');
  assert.notEqual(code, 0);
  assert.match(err, /--port/);
});
