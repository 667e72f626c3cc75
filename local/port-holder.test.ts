// A real listener in a child process: the port's holder is found by pid and command line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { portHolder } from './port-holder.ts';

test('names the pid and command holding a port, and null for a free one', async (t) => {
  if (process.platform !== 'linux') return t.skip('reads /proc');
  const child = spawn(
    process.execPath,
    [
      '-e',
      "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>console.log(s.address().port))",
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
    const port = Number(chunk.toString().trim());
    const holder = await portHolder(port);
    assert.equal(holder?.pid, child.pid);
    assert.match(holder?.command ?? '', /node.* -e /);
    child.kill();
    await once(child, 'exit');
    assert.equal(await portHolder(port), null);
  } finally {
    child.kill();
  }
});
