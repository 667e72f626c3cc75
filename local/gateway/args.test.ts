import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GatewayArgsError, parseGatewayArgs } from './args.ts';

const parse = (...argv: string[]) => parseGatewayArgs(argv, { template: 't.yaml' });

test('list flags split on commas; left out, the template decides', () => {
  const args = parse('--audience', 'a, b', '--scopes', 'x/read,aws.cognito.signin.user.admin');
  assert.deepEqual(args.audience, ['a', 'b']);
  assert.deepEqual(args.scopes, ['x/read', 'aws.cognito.signin.user.admin']);
  const none = parse();
  assert.equal(none.scopes, undefined);
  assert.equal(none.audience, undefined);
  assert.equal(none.allowedOrigins, undefined);
});

test('an empty list flag is an error, never "no scopes" or "no audience"', () => {
  for (const flag of ['--scopes', '--audience', '--allowed-origins']) {
    for (const value of ['', ' , ', ',']) {
      assert.throws(
        () => parse(flag, value),
        (e: unknown) =>
          e instanceof GatewayArgsError && e.message.includes(`${flag} needs at least one value`),
        `${flag} ${JSON.stringify(value)}`,
      );
    }
  }
});

test('--scopes takes RFC 6749 scope tokens only', () => {
  for (const scope of ['a"b', 'a\\b', 'é', 'a\u0000']) {
    assert.throws(() => parse('--scopes', scope), /--scopes: .* is not a scope/, scope);
  }
});

test('--issuer is kept exactly, trailing slash included', () => {
  assert.equal(parse('--issuer', 'http://127.0.0.1:9/pool/').issuer, 'http://127.0.0.1:9/pool/');
  assert.equal(parse('--issuer', 'http://127.0.0.1:9/pool').issuer, 'http://127.0.0.1:9/pool');
});

test("--allowed-origins follows the template's AllowedOrigins rule", () => {
  assert.deepEqual(
    parse(
      '--allowed-origins',
      'https://app.example.com,http://localhost:4200,http://127.0.0.1:8100',
    ).allowedOrigins,
    ['https://app.example.com', 'http://localhost:4200', 'http://127.0.0.1:8100'],
  );
  for (const origin of [
    'http://evil.example',
    'https://app.example.com/',
    '*',
    'https://A.example',
  ]) {
    assert.throws(
      () => parse('--allowed-origins', `http://localhost:4200,${origin}`),
      (e: unknown) =>
        e instanceof GatewayArgsError &&
        e.message.startsWith(`--allowed-origins: ${JSON.stringify(origin)} is not allowed: `) &&
        e.message.includes('http://localhost[:port]'),
      origin,
    );
  }
});

test('--jwks-max-age takes whole seconds from 1 to a day; left out, the authorizer default applies', () => {
  assert.equal(parse().jwksMaxAgeSeconds, undefined);
  assert.equal(parse('--jwks-max-age', '3600').jwksMaxAgeSeconds, 3600);
  assert.equal(parse('--jwks-max-age', '1').jwksMaxAgeSeconds, 1);
  assert.equal(parse('--jwks-max-age', '86400').jwksMaxAgeSeconds, 86_400);
  for (const value of ['0', '-5', '1.5', '60s', '', 'abc', '86401', '1e3']) {
    assert.throws(
      () => parse(`--jwks-max-age=${value}`),
      (e: unknown) =>
        e instanceof GatewayArgsError &&
        e.message.startsWith('--jwks-max-age must be a whole number of seconds from 1 to 86400'),
      value,
    );
  }
});
