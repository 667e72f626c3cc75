import { fakeJwt } from 'ngx-cognito-gateway/testing';
import { isNearExpiry, readJwtTiming } from './jwt-timing';

describe('readJwtTiming', () => {
  it('reads exp and refreshes a minute early for hour-long tokens', () => {
    const token = fakeJwt({ expiresInSeconds: 3600 });
    const timing = readJwtTiming(token)!;
    const exp =
      JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).exp * 1000;
    expect(timing.expiresAt).toBe(exp);
    expect(timing.expiresAt - timing.refreshAt).toBe(60_000);
  });

  it('refreshes a quarter of the lifetime early for short-lived tokens', () => {
    const timing = readJwtTiming(fakeJwt({ expiresInSeconds: 119 }))!; // iat is now - 1: lifetime 120 s
    expect(timing.expiresAt - timing.refreshAt).toBe(30_000);
  });

  it('returns undefined for anything that is not a JWT with a numeric exp', () => {
    for (const token of [
      '',
      'abc',
      'a.b.c',
      'a.e30.c',
      `a.${btoa('{"exp":"soon"}')}.c`,
      `a.${btoa('null')}.c`,
    ]) {
      expect(readJwtTiming(token)).withContext(token).toBeUndefined();
    }
  });

  it('isNearExpiry: expired or within a minute of exp', () => {
    const now = Date.now();
    expect(isNearExpiry(fakeJwt({ expiresInSeconds: -1 }), now)).toBeTrue();
    expect(isNearExpiry(fakeJwt({ expiresInSeconds: 30 }), now)).toBeTrue();
    expect(isNearExpiry(fakeJwt({ expiresInSeconds: 300 }), now)).toBeFalse();
    expect(isNearExpiry('opaque', now)).toBeFalse();
  });
});
