import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectRoute } from './routes.ts';

const routes = [
  { routeKey: '$default' },
  { routeKey: 'OPTIONS /{proxy+}' },
  { routeKey: 'OPTIONS /' },
  { routeKey: 'GET /tasks/{id}' },
  { routeKey: 'ANY /tasks/{proxy+}' },
  { routeKey: 'GET /tasks/special' },
];
const key = (method: string, path: string) => selectRoute(routes, method, path)?.routeKey;

test('OPTIONS routes take priority over $default', () => {
  assert.equal(key('OPTIONS', '/'), 'OPTIONS /');
  assert.equal(key('OPTIONS', '/anything'), 'OPTIONS /{proxy+}');
  assert.equal(key('OPTIONS', '/a/b/c'), 'OPTIONS /{proxy+}');
});

test('everything else falls to $default unless a more specific route matches', () => {
  assert.equal(key('GET', '/'), '$default');
  assert.equal(key('POST', '/other'), '$default');
  assert.equal(key('GET', '/tasks/special'), 'GET /tasks/special');
  assert.equal(key('GET', '/tasks/7'), 'GET /tasks/{id}');
  assert.equal(key('DELETE', '/tasks/7'), 'ANY /tasks/{proxy+}');
  assert.equal(key('GET', '/tasks/7/x'), 'ANY /tasks/{proxy+}');
  assert.equal(key('GET', '/tasks'), '$default');
});

test('without $default nothing matches an unrouted request', () => {
  assert.equal(selectRoute([{ routeKey: 'GET /a' }], 'GET', '/b'), undefined);
});
