import { CognitoAuthConfig, resolveCognitoAuthConfig } from './config';
import { CognitoAuthConfigError, CognitoGatewayError } from './errors';

describe('resolveCognitoAuthConfig', () => {
  it('applies the defaults', () => {
    const { allowlisted, ...options } = resolveCognitoAuthConfig({
      allowedUrls: ['https://api.example.com'],
    });
    expect(options).toEqual({
      token: 'access',
      headerName: 'Authorization',
      scheme: 'Bearer',
      whenSignedOut: 'pass',
    });
    expect(allowlisted('https://api.example.com/x')).toBeTrue();
    expect(allowlisted('https://api.example.com.evil.io/x')).toBeFalse();
  });

  it('accepts every option and http for loopback hosts', () => {
    const config = resolveCognitoAuthConfig({
      allowedUrls: [
        'http://localhost:3000',
        'http://127.0.0.1:3000/v1',
        'http://[::1]:8080',
        'https://api.example.com/v1',
      ],
      token: 'id',
      headerName: 'X-Api-Token',
      scheme: '',
      whenSignedOut: 'error',
    });
    expect(config.token).toBe('id');
    expect(config.scheme).toBe('');
  });

  const invalid: [string, unknown, RegExp][] = [
    ['no config', undefined, /allowedUrls must be a list of at least one API URL/],
    ['missing allowedUrls', {}, /at least one API URL/],
    ['empty allowedUrls', { allowedUrls: [] }, /at least one API URL/],
    ['wildcard', { allowedUrls: ['*'] }, /wildcard/],
    ['wildcard host', { allowedUrls: ['https://*.example.com'] }, /wildcard/],
    ['relative', { allowedUrls: ['/api'] }, /absolute/],
    ['no scheme', { allowedUrls: ['api.example.com'] }, /absolute/],
    ['plain http', { allowedUrls: ['http://api.example.com'] }, /https/],
    ['ftp', { allowedUrls: ['ftp://api.example.com'] }, /absolute http/],
    ['userinfo', { allowedUrls: ['https://user@api.example.com'] }, /user info/],
    ['query', { allowedUrls: ['https://api.example.com/?a=1'] }, /query/],
    ['fragment', { allowedUrls: ['https://api.example.com/#x'] }, /query or fragment/],
    ['non-string', { allowedUrls: [42] }, /allowedUrls\[0\]/],
    ['token', { allowedUrls: ['https://a.io'], token: 'refresh' }, /token/],
    ['header', { allowedUrls: ['https://a.io'], headerName: 'Bad Header' }, /headerName/],
    ['scheme', { allowedUrls: ['https://a.io'], scheme: 'Bearer x' }, /scheme/],
    ['whenSignedOut', { allowedUrls: ['https://a.io'], whenSignedOut: 'ignore' }, /whenSignedOut/],
  ];
  for (const [label, config, message] of invalid) {
    it(`rejects ${label} with a CognitoAuthConfigError`, () => {
      let thrown: unknown;
      try {
        resolveCognitoAuthConfig(config as CognitoAuthConfig);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(CognitoAuthConfigError);
      expect(thrown).toBeInstanceOf(CognitoGatewayError);
      expect((thrown as Error).name).toBe('CognitoAuthConfigError');
      expect((thrown as Error).message).toMatch(message);
    });
  }
});
