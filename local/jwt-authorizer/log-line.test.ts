import { test } from 'node:test';
import assert from 'node:assert/strict';
import { oneLine, oneLineLogger } from './log-line.ts';

test('oneLine escapes what could end, hide or reorder a log line, and nothing else', () => {
  assert.equal(
    oneLine('kid "a\r\nforged"\t\u0000\u007f\u0085'),
    'kid "a\\u000d\\u000aforged"\\u0009\\u0000\\u007f\\u0085',
  );
  assert.equal(oneLine('x\u2028y\u2029z\u202ew\u2066'), 'x\\u2028y\\u2029z\\u202ew\\u2066');
  assert.equal(oneLine('GET /tasks/€?q="a b" \\ ok'), 'GET /tasks/€?q="a b" \\ ok');
  const once = oneLine('a\r\nb');
  assert.equal(oneLine(once), once, 'idempotent');
});

test('oneLineLogger hands every line over escaped', () => {
  const lines: string[] = [];
  oneLineLogger((l) => lines.push(l))('one\ntwo');
  assert.deepEqual(lines, ['one\\u000atwo']);
});
