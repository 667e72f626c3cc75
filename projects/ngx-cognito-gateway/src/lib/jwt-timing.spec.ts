import { fakeJwt } from 'ngx-cognito-gateway/testing';
import { readJwtTiming } from './jwt-timing';

describe('readJwtTiming', () => {
  it('reads exp and refreshes a minute early for hour-long tokens', () => {
    const value = fakeJwt({ expiresInSeconds: 3600 });
    const token = readJwtTiming(value);
    const exp =
      JSON.parse(atob(value.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).exp * 1000;
    expect(token.value).toBe(value);
    expect(token.expiresAt).toBe(exp);
    expect(token.expiresAt - token.refreshAt).toBe(60_000);
  });

  it('reads iat as the issuer clock at issue (NaN without one)', () => {
    const value = fakeJwt({ expiresInSeconds: 60, claims: { iat: 1_700_000_000 } });
    expect(readJwtTiming(value).issuedAt).toBe(1_700_000_000_000);
    expect(readJwtTiming('a.e30.c').issuedAt).toBeNaN();
  });

  it('refreshes a quarter of the lifetime early for short-lived tokens', () => {
    const token = readJwtTiming(fakeJwt({ expiresInSeconds: 119 })); // iat is now - 1: lifetime 120 s
    expect(token.expiresAt - token.refreshAt).toBe(30_000);
  });

  it('never expires (so is never cached) anything that is not a JWT with a numeric exp', () => {
    for (const value of [
      '',
      'abc',
      'a.b.c',
      'a.e30.c',
      `a.${btoa('{"exp":"soon"}')}.c`,
      `a.${btoa('{"exp":1e999}')}.c`,
      `a.${btoa('null')}.c`,
    ]) {
      expect(readJwtTiming(value))
        .withContext(value)
        .toEqual(jasmine.objectContaining({ value, expiresAt: Infinity, refreshAt: Infinity }));
    }
  });
});
