import { challengeOf, factorOffer, passkeysWorkHere, type PageOrigin } from './first-factors';

describe('factorOffer', () => {
  it('offers exactly the factors Cognito lists, passwordless first', () => {
    expect(factorOffer(['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN']).factors).toEqual([
      'WEB_AUTHN',
      'EMAIL_OTP',
      'PASSWORD',
    ]);
    expect(factorOffer(['PASSWORD']).factors).toEqual(['PASSWORD']);
    expect(factorOffer(['EMAIL_OTP']).factors).toEqual(['EMAIL_OTP']);
    expect(factorOffer([]).factors).toEqual([]);
    expect(factorOffer(undefined).factors).toEqual([]);
  });

  it('shows PASSWORD and PASSWORD_SRP as one password, answered with SRP where offered', () => {
    const aws = factorOffer(['PASSWORD', 'PASSWORD_SRP', 'WEB_AUTHN']);
    expect(aws.factors).toEqual(['WEB_AUTHN', 'PASSWORD']);
    expect(challengeOf('PASSWORD', aws)).toBe('PASSWORD_SRP');
    const offline = factorOffer(['PASSWORD', 'EMAIL_OTP']);
    expect(challengeOf('PASSWORD', offline)).toBe('PASSWORD');
    expect(challengeOf('EMAIL_OTP', offline)).toBe('EMAIL_OTP');
    expect(factorOffer(['PASSWORD_SRP']).factors).toEqual(['PASSWORD']);
  });

  it('leaves out what the app has no page for', () => {
    expect(factorOffer(['SMS_OTP', 'PASSWORD']).factors).toEqual(['PASSWORD']);
    expect(factorOffer(['SMS_OTP']).factors).toEqual([]);
  });
});

describe('passkeysWorkHere', () => {
  const at = (hostname: string, more: Partial<PageOrigin> = {}): PageOrigin => ({
    isSecureContext: true,
    hasWebAuthn: true,
    hostname,
    ...more,
  });

  it('works on a secure page of a domain, and on localhost', () => {
    expect(passkeysWorkHere(at('main.d1a2b3c4.amplifyapp.com'))).toBeTrue();
    expect(passkeysWorkHere(at('localhost'))).toBeTrue();
  });

  it('not on an IP address, secure or not, nor without a secure context or WebAuthn', () => {
    expect(passkeysWorkHere(at('127.0.0.1'))).toBeFalse();
    expect(passkeysWorkHere(at('[::1]'))).toBeFalse();
    expect(passkeysWorkHere(at('192.168.1.20', { isSecureContext: false }))).toBeFalse();
    expect(passkeysWorkHere(at('app.example.com', { isSecureContext: false }))).toBeFalse();
    expect(passkeysWorkHere(at('app.example.com', { hasWebAuthn: false }))).toBeFalse();
    expect(passkeysWorkHere(at(''))).toBeFalse();
  });

  it('reads this page by default (Karma serves it on localhost)', () => {
    expect(passkeysWorkHere()).toBe(location.hostname === 'localhost');
  });
});
