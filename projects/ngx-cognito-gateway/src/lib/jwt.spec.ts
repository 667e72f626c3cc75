import { fakeJwt } from 'ngx-cognito-gateway/testing';
import { decodeJwtPayload, readJwtTiming } from './jwt';

describe('decodeJwtPayload', () => {
  it('reads the payload as UTF-8 from base64url, as Cognito encodes it', () => {
    // {"username":"zoë 李","n":"??>~~~"}: base64url of its UTF-8 bytes, with `-` and `_` in it.
    const payload = 'eyJ1c2VybmFtZSI6Inpvw6sg5p2OIiwibiI6Ij8_Pn5-fiJ9';
    expect(decodeJwtPayload(`e30.${payload}.sig`)).toEqual({ username: 'zoë 李', n: '??>~~~' });
  });

  it('reads what fakeJwt writes, UTF-8 claims included', () => {
    const token = fakeJwt({ expiresInSeconds: 60, claims: { username: 'zoë 李' } });
    expect(decodeJwtPayload(token)?.['username']).toBe('zoë 李');
  });

  it('is undefined for anything that is not a JWT whose payload is a JSON object', () => {
    for (const value of [
      '',
      'abc',
      'a.b.c',
      'a.!!.c',
      `a.${btoa('[1]')}.c`,
      `a.${btoa('null')}.c`,
    ]) {
      expect(decodeJwtPayload(value)).withContext(value).toBeUndefined();
    }
  });
});

describe('readJwtTiming', () => {
  it('reads exp and refreshes a minute early for hour-long tokens', () => {
    const value = fakeJwt({ expiresInSeconds: 3600 });
    const token = readJwtTiming(value);
    expect(token.value).toBe(value);
    expect(token.expiresAt).toBe((decodeJwtPayload(value)!['exp'] as number) * 1000);
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
