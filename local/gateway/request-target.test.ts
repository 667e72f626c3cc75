import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRequestTarget } from './request-target.ts';

test('origin-form targets are kept as received; only the route path is normalised', () => {
  assert.deepEqual(parseRequestTarget('//tasks/1?x=1'), {
    raw: '//tasks/1?x=1',
    rawPath: '//tasks/1',
    rawQuery: 'x=1',
    routePath: '//tasks/1',
  });
  assert.deepEqual(parseRequestTarget('/tasks/%2e%2e/admin?a=/../b?c'), {
    raw: '/tasks/%2e%2e/admin?a=/../b?c',
    rawPath: '/tasks/%2e%2e/admin',
    rawQuery: 'a=/../b?c',
    routePath: '/admin',
  });
  assert.equal(parseRequestTarget('/public/../admin')?.routePath, '/admin');
  assert.equal(parseRequestTarget('/..')?.routePath, '/');
  assert.equal(parseRequestTarget('/?')?.rawQuery, '');
});

test('anything but origin-form is refused', () => {
  for (const target of [
    undefined,
    '',
    '*',
    'http://host/tasks',
    'host:443',
    'tasks',
    '/tasks#f',
    '/a b',
    '/a\tb',
    '/é',
    '/a\u0000',
  ]) {
    assert.equal(parseRequestTarget(target), undefined, JSON.stringify(target));
  }
});
