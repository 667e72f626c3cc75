import assert from 'node:assert/strict';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import {
  BodyBudget,
  BodyBudgetExhaustedError,
  BodyTooLargeError,
  readBody,
  type BodyHold,
} from './body.ts';

type Outcome = { bytes: number } | { error: string };

/** A real server on 127.0.0.1 whose handler reports what readBody made of each request. */
async function withReader(
  limit: number,
  hold: (res: ServerResponse) => BodyHold | undefined,
  run: (send: (chunks: string[], declared?: number) => Promise<Outcome>) => Promise<void>,
) {
  const outcomes: Outcome[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    readBody(req, limit, hold(res))
      .then(
        (body) => outcomes.push({ bytes: body.length }),
        (error: Error) => outcomes.push({ error: error.name }),
      )
      .finally(() => res.writeHead(200, { connection: 'close' }).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const send = (chunks: string[], declared?: number) =>
    new Promise<Outcome>((resolve) => {
      const headers = declared === undefined ? {} : { 'content-length': String(declared) };
      const req = request({ port, host: '127.0.0.1', method: 'POST', headers });
      req.on('response', (res) => res.resume().on('end', () => resolve(outcomes.shift()!)));
      req.on('error', () => resolve(outcomes.shift()!));
      for (const chunk of chunks) req.write(chunk);
      req.end();
    });
  try {
    await run(send);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('readBody', () => {
  it('reads a body up to the limit, declared or chunked, and refuses one byte more', () =>
    withReader(
      10,
      () => undefined,
      async (send) => {
        assert.deepEqual(await send(['0123456789'], 10), { bytes: 10 });
        assert.deepEqual(await send(['01234', '56789']), { bytes: 10 });
        assert.deepEqual(await send(['0123456789x'], 11), { error: BodyTooLargeError.name });
        assert.deepEqual(await send(['012345', '6789x']), { error: BodyTooLargeError.name });
      },
    ));

  it('refuses a body its budget cannot hold, and gives the bytes back when the response closes', async () => {
    const budget = new BodyBudget(8);
    await withReader(
      100,
      (res) => ({ res, budget }),
      async (send) => {
        assert.deepEqual(await send(['01234567'], 8), { bytes: 8 });
        assert.equal(budget.used, 0);
        assert.deepEqual(await send(['012345678'], 9), { error: BodyBudgetExhaustedError.name });
        assert.deepEqual(await send(['01234', '5678']), { error: BodyBudgetExhaustedError.name });
        assert.equal(budget.used, 0);
      },
    );
  });
});
