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
        '/api',
      ],
      token: 'id',
      headerName: 'X-Api-Token',
      scheme: '',
      whenSignedOut: 'error',
    });
    expect(config.token).toBe('id');
    expect(config.scheme).toBe('');
    expect(config.allowlisted('/api/tasks', { base: 'https://app.example.com/' })).toBeTrue();
  });

  /** [label, config, message, option, value] */
  const invalid: [string, unknown, RegExp, string, unknown][] = [
    [
      'no config',
      undefined,
      /allowedUrls must be a list of at least one API URL/,
      'allowedUrls',
      undefined,
    ],
    ['missing allowedUrls', {}, /at least one API URL/, 'allowedUrls', undefined],
    ['empty allowedUrls', { allowedUrls: [] }, /at least one API URL/, 'allowedUrls', []],
    ['wildcard', { allowedUrls: ['*'] }, /wildcard/, 'allowedUrls[0]', '*'],
    [
      'wildcard host',
      { allowedUrls: ['https://*.example.com'] },
      /wildcard/,
      'allowedUrls[0]',
      'https://*.example.com',
    ],
    ['relative', { allowedUrls: ['api'] }, /absolute/, 'allowedUrls[0]', 'api'],
    [
      'protocol-relative',
      { allowedUrls: ['//api.example.com'] },
      /one \//,
      'allowedUrls[0]',
      '//api.example.com',
    ],
    [
      'backslash path',
      { allowedUrls: ['/\\api.example.com'] },
      /one \//,
      'allowedUrls[0]',
      '/\\api.example.com',
    ],
    [
      'no scheme',
      { allowedUrls: ['api.example.com'] },
      /absolute/,
      'allowedUrls[0]',
      'api.example.com',
    ],
    [
      'plain http',
      { allowedUrls: ['https://a.io', 'http://api.example.com'] },
      /https/,
      'allowedUrls[1]',
      'http://api.example.com',
    ],
    [
      'ftp',
      { allowedUrls: ['ftp://api.example.com'] },
      /absolute http/,
      'allowedUrls[0]',
      'ftp://api.example.com',
    ],
    [
      'userinfo',
      { allowedUrls: ['https://user@api.example.com'] },
      /user info/,
      'allowedUrls[0]',
      'https://user@api.example.com',
    ],
    [
      'query',
      { allowedUrls: ['https://api.example.com/?a=1'] },
      /query/,
      'allowedUrls[0]',
      'https://api.example.com/?a=1',
    ],
    [
      'fragment',
      { allowedUrls: ['https://api.example.com/#x'] },
      /query, fragment/,
      'allowedUrls[0]',
      'https://api.example.com/#x',
    ],
    [
      'tab',
      { allowedUrls: ['https://api.example.com/v1/.\t./'] },
      /spaces or control characters/,
      'allowedUrls[0]',
      'https://api.example.com/v1/.\t./',
    ],
    ['non-string', { allowedUrls: [42] }, /allowedUrls\[0\]/, 'allowedUrls[0]', 42],
    ['token', { allowedUrls: ['https://a.io'], token: 'refresh' }, /token/, 'token', 'refresh'],
    [
      'header',
      { allowedUrls: ['https://a.io'], headerName: 'Bad Header' },
      /headerName/,
      'headerName',
      'Bad Header',
    ],
    [
      'scheme',
      { allowedUrls: ['https://a.io'], scheme: 'Bearer x' },
      /scheme/,
      'scheme',
      'Bearer x',
    ],
    [
      'whenSignedOut',
      { allowedUrls: ['https://a.io'], whenSignedOut: 'ignore' },
      /whenSignedOut/,
      'whenSignedOut',
      'ignore',
    ],
  ];
  for (const [label, config, message, option, value] of invalid) {
    it(`rejects ${label} with a CognitoAuthConfigError naming the option and its value`, () => {
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
      expect((thrown as CognitoAuthConfigError).option).toBe(option);
      expect((thrown as CognitoAuthConfigError).value).toEqual(value);
    });
  }
});
