import fc from 'fast-check';
import { compileAllowlist, urlMatchesAllowlist } from './url-allowlist';

const API = 'https://api.example.com/v1';
const allowed = [
  API,
  'http://127.0.0.1:3000/',
  'https://abc123.execute-api.us-east-1.amazonaws.com/',
];

describe('urlMatchesAllowlist', () => {
  const matching: [string, string?][] = [
    ['https://api.example.com/v1'],
    ['https://api.example.com/v1/'],
    ['https://api.example.com/v1/tasks/42?x=1#f'],
    ['HTTPS://API.EXAMPLE.COM/v1/tasks'],
    ['https://api.example.com:443/v1/tasks'],
    ['https://api.example.com/v1/a/../b'],
    ['https://api.example.com/v1/./tasks'],
    ['https://api.example.com\\v1\\tasks'],
    ['https://ａｐｉ.example.com/v1'],
    ['http://127.0.0.1:3000/tasks'],
    ['http://2130706433:3000/tasks'],
    ['https://abc123.execute-api.us-east-1.amazonaws.com/tasks'],
    ['/tasks', 'http://127.0.0.1:3000/app/'],
    ['tasks/1', 'http://127.0.0.1:3000/'],
    ['//api.example.com/v1/x', 'https://app.example.com/'],
    ['  https://api.example.com/v1/x  '],
  ];
  const hostile: [string, string?][] = [
    ['https://api.example.com.evil.io/v1'],
    ['https://api.example.com@evil.io/v1'],
    ['https://user:pass@api.example.com/v1'],
    ['https://@api.example.com/v1'],
    ['https://evil.io/?u=https://api.example.com/v1'],
    ['https://evil.io/https://api.example.com/v1'],
    ['https://evil.io#@api.example.com/v1'],
    ['//evil.io/v1', 'https://api.example.com/'],
    ['http://api.example.com/v1'],
    ['https://api.example.com:8443/v1'],
    ['https://api.example.com./v1'],
    ['https://api.example.co/v1'],
    ['https://xapi.example.com/v1'],
    ['https://api.example.com/v10'],
    ['https://api.example.com/v1x/tasks'],
    ['https://api.example.com/V1'],
    ['https://api.example.com/'],
    ['https://api.example.com/v2/../v10'],
    ['https://api.example.com/v1/../admin'],
    ['https://api.example.com/v1/%2e%2e/admin'],
    ['https://api.example.com/v1%2f..%2fadmin'],
    ['https://api.example.com%2eevil.io/v1'],
    ['https://api.example.com%40evil.io/v1'],
    ['https://127.0.0.1:3000/'],
    ['http://localhost:3000/'],
    ['http://127.0.0.1:3001/'],
    ['http://127.0.0.1/'],
    ['ws://api.example.com/v1'],
    ['wss://api.example.com/v1'],
    ['ftp://api.example.com/v1'],
    ['javascript:alert(1)//api.example.com/v1'],
    ['data:text/plain,https://api.example.com/v1'],
    ['blob:https://api.example.com/v1'],
    ['file:///api.example.com/v1'],
    ['/tasks'],
    ['/tasks', 'not a url'],
    ['/tasks', 'https://app.example.com/'],
    [''],
    ['https://'],
    ['https://[::1]:3000/'],
    ['https://abc123.execute-api.us-east-1.amazonaws.com.evil.io/'],
    ['https://abc124.execute-api.us-east-1.amazonaws.com/'],
    // Empty user info however the authority is written: the parser drops tabs and newlines and
    // takes any run of slashes after an http(s) scheme.
    ['https:@api.example.com/v1'],
    ['https:/@api.example.com/v1'],
    ['https:\\@api.example.com/v1'],
    ['https:/\t/@api.example.com/v1/x'],
    ['https:\t//@api.example.com/v1'],
    ['ht\ntps://@api.example.com/v1'],
    ['\x01 https://@api.example.com/v1'],
    ['//@api.example.com/v1', 'https://app.example.com/'],
    ['\\\\@api.example.com/v1', 'https://app.example.com/'],
    // Encoded separators under a path prefix: a decoding backend would leave /v1.
    ['https://api.example.com/v1/..%2fadmin'],
    ['https://api.example.com/v1/%2e%2e%2fadmin'],
    ['https://api.example.com/v1/..%5Cadmin'],
    ['https://api.example.com/v1/x%2F..%2F..%2Fadmin'],
  ];

  for (const [url, base] of matching) {
    it(`sends to ${JSON.stringify(url)}${base ? ` (base ${base})` : ''}`, () => {
      expect(urlMatchesAllowlist(url, allowed, base)).toBeTrue();
    });
  }
  for (const [url, base] of hostile) {
    it(`never sends to ${JSON.stringify(url)}${base ? ` (base ${base})` : ''}`, () => {
      expect(urlMatchesAllowlist(url, allowed, base)).toBeFalse();
    });
  }

  it('normalises the allowlist entry the same way (case, default port, trailing slash)', () => {
    expect(
      urlMatchesAllowlist('https://api.example.com/v1/x', ['HTTPS://Api.Example.com:443/v1/']),
    ).toBeTrue();
    expect(
      urlMatchesAllowlist('https://api.example.com/v10', ['https://api.example.com/v1/']),
    ).toBeFalse();
  });

  it('ignores unusable allowlist entries (those the config rejects) instead of throwing', () => {
    const junk = [
      '',
      '*',
      'https://*.example.com',
      'https://api.example.com/*',
      'api.example.com',
      '/',
      'https://u@api.example.com',
      'https://@api.example.com',
      'https://api.example.com/?q',
      'https://api.example.com/?',
      'https://api.example.com/#',
      'http://api.example.com', // plain http off loopback
      'https://api.example.com/v1/..', // would widen to the whole origin
      'https://api.example.com/v1/%2e%2e',
      'https://api.example.com/v1/.',
      'https://api.example.com/./v1',
      'https://api.example.com./', // matches only trailing-dot URLs
    ];
    for (const entry of junk) {
      expect(urlMatchesAllowlist('https://api.example.com/', [entry]))
        .withContext(entry)
        .toBeFalse();
    }
    expect(urlMatchesAllowlist('https://api.example.com/', [])).toBeFalse();
  });

  it('keeps paths with encoded separators when the entry is a whole origin (no prefix to leave)', () => {
    expect(
      urlMatchesAllowlist('https://api.example.com/files/a%2Fb', ['https://api.example.com/']),
    ).toBeTrue();
    expect(urlMatchesAllowlist('https://api.example.com/v1/a%2Fb', [API])).toBeFalse();
  });

  it('allows an @ in the path, query or a relative URL: only the authority counts', () => {
    expect(urlMatchesAllowlist('https://api.example.com/v1/users/a@b.io', [API])).toBeTrue();
    expect(urlMatchesAllowlist('https://api.example.com/v1?mail=a@b.io', [API])).toBeTrue();
    expect(urlMatchesAllowlist('users/a@b.io', [API], 'https://api.example.com/v1/')).toBeTrue();
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (url, list, base) => {
        const result = urlMatchesAllowlist(url as string, list as string[], base as string);
        return result === true || result === false;
      }),
      { numRuns: 500 },
    );
  });

  it('only matches URLs whose origin and path prefix equal an entry (property)', () => {
    const match = compileAllowlist([API]);
    const mutated = fc
      .tuple(
        fc.constantFrom(
          'https://',
          'http://',
          'HTTPS://',
          '//',
          'https:\\\\',
          '',
          'https:',
          'https:/',
          'https:/\t/',
          'https:\t//',
          ' \nhttps://',
        ),
        fc.constantFrom(
          'api.example.com',
          'API.example.com',
          'api.example.com.',
          'evil.io',
          'api.example.com.evil.io',
          'api.example.com@evil.io',
          'a@api.example.com',
          '@api.example.com',
        ),
        fc.constantFrom('', ':443', ':80', ':8443', ':'),
        fc.constantFrom(
          '/v1',
          '/v10',
          '/v1/',
          '/V1',
          '/v1/../x',
          '/v1%2fx',
          '/v1/..%2fx',
          '/v1/%5C..',
          '/x/v1',
          '',
        ),
        fc.webPath(),
        fc.constantFrom('', '?a=1', '#h', '?u=https://api.example.com/v1'),
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        fc.oneof(mutated, fc.webUrl({ withQueryParameters: true, withFragments: true })),
        (url) => {
          if (!match(url)) return true;
          const parsed = new URL(url); // must parse if it matched
          const written = url.replace(/[\t\n\r]/g, '').trim();
          return (
            parsed.origin === 'https://api.example.com' &&
            parsed.username === '' &&
            (parsed.pathname === '/v1' || parsed.pathname.startsWith('/v1/')) &&
            !/%(2f|5c)/i.test(parsed.pathname) &&
            !written
              .replace(/^[a-z]+:[\\/]*/i, '')
              .split(/[/\\?#]/)[0]!
              .includes('@')
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});
