import fc from 'fast-check';
import {
  DECISION_MEMO_LIMIT,
  compileAllowlist,
  rememberDecisions,
  urlMatchesAllowlist,
} from './url-allowlist';

const API = 'https://api.example.com/v1';
/** Paths at and around the prefix `/v1`, for the properties to start from. */
const PATHS_NEAR_V1 = [
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
];
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
    // Ordinary paths near the escape forms: dots inside names, literal percent, UTF-8, `;`.
    ['https://api.example.com/v1/a..b/...'],
    ['https://api.example.com/v1/..a;b'],
    ['https://api.example.com/v1/tasks;v=2'],
    ['https://api.example.com/v1/100%25'],
    ['https://api.example.com/v1/caf%C3%A9'],
    ['https://api.example.com/v1/%E2%82%AC'],
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
    // Dot segments the URL parser keeps but backends normalise: Tomcat/Spring path parameters,
    // proxies that decode twice, IIS's %u, and overlong UTF-8 from lenient decoders.
    ['https://api.example.com/v1/..;/admin'],
    ['https://api.example.com/v1/..;jsessionid=1/admin'],
    ['https://api.example.com/v1/%2e%2e;/admin'],
    ['https://api.example.com/v1/.%2E;x/admin'],
    ['https://api.example.com/v1/%252e%252e/admin'],
    ['https://api.example.com/v1/%252E./admin'],
    ['https://api.example.com/v1/%25252e%25252e/admin'],
    ['https://api.example.com/v1/%25%32%65%25%32%65/admin'],
    ['https://api.example.com/v1/..%252fadmin'],
    ['https://api.example.com/v1/..%255cadmin'],
    ['https://api.example.com/v1/%c0%ae%c0%ae/admin'],
    ['https://api.example.com/v1/%C0%AE./admin'],
    ['https://api.example.com/v1/%e0%80%ae%e0%80%ae/admin'],
    ['https://api.example.com/v1/..%c0%afadmin'],
    ['https://api.example.com/v1/%252e%252e%c0%afadmin'],
    ['https://api.example.com/v1/%u002e%u002e/admin'],
    ['https://api.example.com/v1/%U002E./admin'],
    ['https://api.example.com/v1/..%u002fadmin'],
    ['https://api.example.com/v1/%25u002e%25u002e/admin'],
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
      // The parser drops tab, LF and CR and trims C0 controls and spaces from both ends, so these
      // would all become `/v1/..`, i.e. the whole origin.
      'https://api.example.com/v1/.\t./',
      'https://api.example.com/v1/.\n.',
      'https://api.example.com/v1/.\r.',
      'https://api.example.com/v1/..\t',
      'https://api.example.com/v1/.. ',
      'https://api.example.com/v1/..\x00',
      'https://api.example.com/v1/..\x1f ',
      ' https://api.example.com/v1', // a stray space from a config file: refused, not trimmed
      // Whatever the request side refuses under a prefix, an entry may not hold either.
      'https://api.example.com/v1/..;/',
      'https://api.example.com/v1/%252e%252e/',
      'https://api.example.com/v1/%c0%ae%c0%ae',
      'https://api.example.com/v1/%u002e%u002e',
      'https://api.example.com/v1/a%2fb',
    ];
    for (const entry of junk) {
      expect(urlMatchesAllowlist('https://api.example.com/', [entry]))
        .withContext(entry)
        .toBeFalse();
    }
    expect(urlMatchesAllowlist('https://api.example.com/', [])).toBeFalse();
  });

  it('refuses an entry that the parser would widen to the whole origin, and says which', () => {
    for (const entry of ['https://api.example.com/v1/.\t./', 'https://api.example.com/v1/.\n.']) {
      const problems: [string, unknown][] = [];
      const match = compileAllowlist(['https://other.example.com', entry], (_, option, value) =>
        problems.push([option, value]),
      );
      expect(problems).toEqual([['allowedUrls[1]', entry]]);
      expect(match('https://api.example.com/admin')).toBeFalse();
    }
    // What the parser itself makes of such an entry: the whole origin.
    expect(new URL('https://api.example.com/v1/.\t./').pathname).toBe('/');
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

  for (const [entry, base] of [
    [API, undefined],
    ['/v1', 'https://api.example.com/app/'],
  ]) {
    it(`never matches a generated prefix-escape path under ${entry} (property)`, () => {
      const match = compileAllowlist([entry!]);
      /** One `.`, however a backend might come to read it as one. */
      const dot = fc.constantFrom(
        '.',
        '%2e',
        '%2E',
        '%252e',
        '%25252E',
        '%25%32%65',
        '%c0%ae',
        '%C0%AE',
        '%e0%80%ae',
        '%u002e',
        '%U002E',
        '%25u002e',
        '%25c0%25ae',
      );
      /** What ends the dot segment for such a backend: a (decoded) separator or path parameters. */
      const end = fc.constantFrom(
        '/',
        ';/',
        ';jsessionid=1/',
        ';',
        '%2f',
        '%2F',
        '%252f',
        '%5c',
        '%255C',
        '%c0%af',
        '%e0%80%af',
        '%c1%9c',
        '%u002f',
        '%u005c',
      );
      const segment = fc.stringMatching(/^[a-z0-9_~-]{1,8}$/);
      fc.assert(
        fc.property(
          fc.array(segment, { maxLength: 3 }),
          fc.array(dot, { minLength: 1, maxLength: 2 }),
          end,
          (before, dots, separator) => {
            const url = `${entry}/${[...before, `${dots.join('')}${separator}admin`].join('/')}`;
            // Plain dots before `/` are the URL parser's own business: it resolves them, and the
            // result is judged as any other path. Every other form must be refused.
            const parserResolves = separator === '/' && dots.every((d) => /^(\.|%2e)$/i.test(d));
            return (
              !match(url, { base }) ||
              (parserResolves && new URL(url, base).pathname.startsWith('/v1/'))
            );
          },
        ),
        { numRuns: 3000 },
      );
    });
  }

  it('refuses every entry with a tab, LF or CR anywhere (property)', () => {
    const entry = 'https://api.example.com/v1/tasks';
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: entry.length }),
        fc.constantFrom('\t', '\n', '\r'),
        (at, control) => {
          let refused = false;
          compileAllowlist(
            [entry.slice(0, at) + control + entry.slice(at)],
            () => (refused = true),
          );
          return refused;
        },
      ),
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
        fc.constantFrom(...PATHS_NEAR_V1),
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

describe('urlMatchesAllowlist with path entries (the app’s own origin)', () => {
  const APP = 'https://app.example.com/home/';
  const entries = ['/api'];
  const matching: [string, string][] = [
    ['/api', APP],
    ['/api/', APP],
    ['/api/tasks?x=1#f', APP],
    ['api/tasks', 'https://app.example.com/'],
    ['../api/tasks', APP],
    ['\\api\\tasks', APP],
    ['/x/../api/tasks', APP],
    ['https://app.example.com/api/tasks', APP],
    ['HTTPS://APP.EXAMPLE.COM:443/api/tasks', APP],
    ['/api/tasks', 'http://localhost:4200/'],
    ['/api/tasks', 'http://127.0.0.1:4000/deep/page'],
  ];
  const hostile: [string, string?][] = [
    ['/api/tasks'],
    ['/api/tasks', 'not a url'],
    ['api/tasks', APP], // /home/api/tasks
    ['/apix', APP],
    ['/api2/tasks', APP],
    ['/v1/api', APP],
    ['/API/tasks', APP],
    ['https://evil.io/api/tasks', APP],
    ['//evil.io/api/tasks', APP],
    ['\\\\evil.io\\api\\tasks', APP],
    ['/\\evil.io/api/tasks', APP],
    ['\\/evil.io/api/tasks', APP],
    ['/\t/evil.io/api/tasks', APP],
    ['https://app.example.com.evil.io/api', APP],
    ['https://app.example.com@evil.io/api', APP],
    ['https://@app.example.com/api', APP],
    ['https://app.example.com:8443/api', APP],
    ['http://app.example.com/api', APP],
    ['/api/tasks', 'http://app.example.com/'], // plain http off loopback, as for absolute entries
    ['/api/tasks', 'file:///home/'],
    ['/api/../admin', APP],
    ['/api/..%2fadmin', APP],
    ['/api/%2e%2e/admin', APP],
    ['/api/..;/admin', APP],
    ['/api/%252e%252e/admin', APP],
    ['/api/%c0%ae%c0%ae/admin', APP],
    ['/api/%u002e%u002e/admin', APP],
  ];
  for (const [url, base] of matching) {
    it(`sends to ${JSON.stringify(url)} (base ${base})`, () => {
      expect(urlMatchesAllowlist(url, entries, base)).toBeTrue();
    });
  }
  for (const [url, base] of hostile) {
    it(`never sends to ${JSON.stringify(url)}${base ? ` (base ${base})` : ''}`, () => {
      expect(urlMatchesAllowlist(url, entries, base)).toBeFalse();
    });
  }

  it('refuses entries that could mean another origin, or no single path', () => {
    const refused = [
      '//api.example.com/v1',
      '///api.example.com',
      '\\\\api.example.com',
      '/\\api.example.com',
      '\\/api.example.com',
      '/api\\v1',
      '/\t/api.example.com',
      '/\n/api.example.com',
      ' /api',
      '/api ',
      'api',
      'api/v1',
      './api',
      '../api',
      '/api?x=1',
      '/api#x',
      '/api/*',
      '/*',
      '/api/..',
      '/api/.',
      '/./api',
      '/api/%2e%2e',
      '/%2f%2fevil.io',
      '/api%2fv1',
      '/api/%252e%252e',
      '/api/..;',
      '/api/%c0%ae%c0%ae',
    ];
    for (const entry of refused) {
      const problems: string[] = [];
      const match = compileAllowlist([entry], (_, option) => problems.push(option));
      expect(problems).withContext(entry).toEqual(['allowedUrls[0]']);
      expect(match('https://api.example.com/api', { base: APP }))
        .withContext(entry)
        .toBeFalse();
    }
  });

  it('takes the app’s origin from `origin` when it differs from the base (a <base href> on a CDN)', () => {
    const match = compileAllowlist(['/api']);
    const page = { base: 'https://cdn.example.com/app/', origin: 'https://app.example.com' };
    expect(match('https://app.example.com/api/tasks', page)).toBeTrue();
    expect(match('/api/tasks', page)).toBeFalse(); // resolves to the CDN
    expect(match('https://cdn.example.com/api/tasks', page)).toBeFalse();
  });

  it('with anyOrigin (the server), matches the page’s own origin by path under every entry', () => {
    const match = compileAllowlist(['https://app.example.com/api', '/v2']);
    const render = { base: 'http://10.0.0.7:4000/tasks', anyOrigin: true };
    expect(match('/api/tasks', render)).toBeTrue();
    expect(match('/v2/tasks', render)).toBeTrue();
    expect(match('http://10.0.0.7:4000/api/x', render)).toBeTrue();
    expect(match('/other', render)).toBeFalse();
    expect(match('https://evil.io/api/tasks', render)).toBeFalse();
    expect(match('https://app.example.com/api/tasks', render)).toBeTrue();
    expect(match('/api/tasks', { base: render.base })).toBeFalse();
  });

  it('never matches a URL on another origin, whatever the path entry (property)', () => {
    const alphabet = fc.constantFrom(
      '/',
      '\\',
      '.',
      '%',
      '2',
      'e',
      'f',
      '5',
      'c',
      '@',
      ':',
      'a',
      '\t',
      ' ',
      '?',
      '#',
      ';',
      'e',
      'v',
      'i',
      'l',
    );
    const tail = fc.array(alphabet, { maxLength: 12 }).map((chars) => chars.join(''));
    const base = 'https://app.example.com/page/';
    fc.assert(
      fc.property(
        fc.oneof(
          tail.map((t) => `/${t}`),
          tail,
        ),
        fc.constantFrom(
          'https://evil.io',
          '//evil.io',
          '\\\\evil.io',
          '/\\evil.io',
          'https:evil.io',
          '',
        ),
        tail,
        (entry, host, path) => {
          const match = compileAllowlist([entry]);
          const url = `${host}${path}`;
          let resolved: URL | undefined;
          try {
            resolved = new URL(url, base);
          } catch {
            return !match(url, { base });
          }
          return !match(url, { base }) || resolved.origin === 'https://app.example.com';
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('refuses every entry that starts like another host (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('//', '\\\\', '/\\', '\\/', '/\t/', '\t//', ' //', '///', '/\n\\'),
        fc.constantFrom('evil.io', 'app.example.com', '@evil.io', 'evil.io:443'),
        fc.webPath(),
        (start, host, path) => {
          let refused = false;
          compileAllowlist([`${start}${host}${path}`], () => (refused = true));
          return refused;
        },
      ),
    );
  });

  it('only matches the app’s origin under the entry’s path (property)', () => {
    const match = compileAllowlist(['/v1']);
    const base = 'https://app.example.com/page/';
    const url = fc
      .tuple(
        fc.constantFrom('https://', '//', '\\\\', '/', '', 'https:', 'https:/\t/', ' \n'),
        fc.constantFrom(
          'app.example.com',
          'APP.example.com',
          'app.example.com.',
          'evil.io',
          'app.example.com@evil.io',
          '@app.example.com',
          'v1',
        ),
        fc.constantFrom('', ':443', ':8443'),
        fc.constantFrom(...PATHS_NEAR_V1, 'v1'),
        fc.webPath(),
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(url, (candidate) => {
        if (!match(candidate, { base })) return true;
        const parsed = new URL(candidate, base);
        return (
          parsed.origin === 'https://app.example.com' &&
          (parsed.pathname === '/v1' || parsed.pathname.startsWith('/v1/')) &&
          !/%(2f|5c)/i.test(parsed.pathname)
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe('rememberDecisions', () => {
  const page = { base: 'https://app.example.com/' };

  it('asks the allowlist once per URL and page', () => {
    const allowlisted = jasmine
      .createSpy('allowlisted')
      .and.callFake((url: string) => url === '/a');
    const decide = rememberDecisions(allowlisted);
    expect([
      decide('/a', page),
      decide('/b', page),
      decide('/a', page),
      decide('/b', page),
    ]).toEqual([true, false, true, false]);
    expect(allowlisted.calls.allArgs()).toEqual([
      ['/a', page],
      ['/b', page],
    ]);
  });

  it('decides a URL again for another page, and reuses each page’s decision', () => {
    const allowlisted = jasmine
      .createSpy('allowlisted')
      .and.callFake((url: string, context: { base: string }) =>
        new URL(url, context.base).pathname.startsWith('/api/'),
      );
    const decide = rememberDecisions(allowlisted);
    const api = { base: 'https://app.example.com/api/page' };
    const other = { base: 'https://app.example.com/other/' };
    expect(decide('tasks', api)).toBeTrue();
    expect(decide('tasks', other)).toBeFalse();
    expect(decide('tasks', { ...api })).toBeTrue();
    expect(allowlisted).toHaveBeenCalledTimes(2);
  });

  it('tells pages apart by origin and anyOrigin too, not only by base', () => {
    const decide = rememberDecisions(compileAllowlist(['https://api.example.com/api', '/v2']));
    const base = 'https://app.example.com/';
    // A path entry means the page's origin; on the server, any entry's path on the page's origin.
    expect(decide('/v2/tasks', { base })).toBeTrue();
    expect(decide('/v2/tasks', { base, origin: 'https://cdn.example.com' })).toBeFalse();
    expect(decide('/api/tasks', { base })).toBeFalse();
    expect(decide('/api/tasks', { base, origin: base.slice(0, -1), anyOrigin: true })).toBeTrue();
  });

  it(`forgets everything when ${DECISION_MEMO_LIMIT} decisions are remembered, then starts over`, () => {
    const allowlisted = jasmine.createSpy('allowlisted').and.returnValue(true);
    const decide = rememberDecisions(allowlisted);
    for (let i = 0; i < DECISION_MEMO_LIMIT; i++) decide(`/u${i}`, page);
    decide('/u0', page);
    expect(allowlisted).toHaveBeenCalledTimes(DECISION_MEMO_LIMIT); // still remembered
    decide('/one-more', page); // the memo is full: cleared, then this one remembered
    decide('/u0', page);
    expect(allowlisted).toHaveBeenCalledTimes(DECISION_MEMO_LIMIT + 2);
    decide('/one-more', page);
    expect(allowlisted).toHaveBeenCalledTimes(DECISION_MEMO_LIMIT + 2);
  });
});
