import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
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

/** The selection as first written (route keys parsed on every call): the reference. */
function referenceSelect(list: readonly { routeKey: string }[], method: string, pathname: string) {
  const parse = (routeKey: string) => {
    const m = /^(\S+) (\/\S*)$/.exec(routeKey);
    if (!m) return undefined;
    return { method: m[1]!.toUpperCase(), segments: m[2]!.split('/').filter((s) => s !== '') };
  };
  const score = (routeKey: string, method: string, path: string[]): number => {
    const r = parse(routeKey);
    if (!r || (r.method !== 'ANY' && r.method !== method)) return -1;
    let s = 0;
    for (let i = 0; i < r.segments.length; i++) {
      const seg = r.segments[i]!;
      if (/^\{[^}]+\+\}$/.test(seg))
        return i === r.segments.length - 1 && path.length > i ? s + i : -1;
      if (i >= path.length) return -1;
      if (/^\{[^}]+\}$/.test(seg)) s += 1;
      else if (seg === path[i]) s += 2;
      else return -1;
    }
    if (r.segments.length !== path.length) return -1;
    return 1000 + s + (r.method === 'ANY' ? 0 : 1);
  };
  const path = pathname.split('/').filter((s) => s !== '');
  let best: { routeKey: string } | undefined;
  let bestScore = -1;
  for (const route of list) {
    if (route.routeKey === '$default') continue;
    const s = score(route.routeKey, method.toUpperCase(), path);
    if (s > bestScore) {
      best = route;
      bestScore = s;
    }
  }
  return best ?? list.find((r) => r.routeKey === '$default');
}

test('route priority is the same as the reference selection on generated routes and paths', () => {
  const segment = fc.constantFrom('tasks', 'a', 'b', '{id}', '{x}', '{proxy+}', '{p+}', '', '{');
  const routeKey = fc.oneof(
    fc.constant('$default'),
    fc.constant('bad key'),
    fc
      .tuple(
        fc.constantFrom('GET', 'get', 'POST', 'ANY', 'OPTIONS', 'DELETE'),
        fc.array(segment, { maxLength: 4 }),
      )
      .map(([m, segs]) => `${m} /${segs.join('/')}`),
  );
  const path = fc
    .array(fc.constantFrom('tasks', 'a', 'b', '7', '', '{id}'), { maxLength: 5 })
    .map((segs) => `/${segs.join('/')}`);
  fc.assert(
    fc.property(
      fc.array(routeKey, { maxLength: 8 }).map((keys) => keys.map((k) => ({ routeKey: k }))),
      fc.constantFrom('GET', 'get', 'POST', 'OPTIONS', 'PATCH'),
      path,
      (list, method, p) => {
        assert.equal(selectRoute(list, method, p), referenceSelect(list, method, p));
      },
    ),
    { numRuns: 3000 },
  );
});
