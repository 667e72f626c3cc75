import fc from 'fast-check';
import { safeReturnUrl } from './return-url';

describe('safeReturnUrl', () => {
  it('keeps paths inside the app, query and fragment included', () => {
    for (const path of ['/', '/timers/1', '/timers?sort=name#top', '/a/b%2Fc', '/@evil.example']) {
      expect(safeReturnUrl(path, '/home')).toBe(path);
    }
  });

  it('gives the fallback for anything that leaves the app or is not a path', () => {
    const bad = [
      null,
      undefined,
      '',
      'timers',
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      '\t//evil.example',
      ' //evil.example',
      'javascript:alert(1)',
      '/\x00',
      42 as unknown as string,
    ];
    for (const value of bad) {
      expect(safeReturnUrl(value, '/home')).withContext(JSON.stringify(value)).toBe('/home');
    }
    expect(safeReturnUrl('//evil.example')).toBe('/');
  });

  it('never returns a URL the browser would resolve to another origin (property)', () => {
    const origin = 'https://app.example.com';
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.webUrl(),
          fc
            .tuple(fc.constantFrom('/', '//', '/\\', '\\/', '/\t/', ' /'), fc.webPath())
            .map(([a, b]) => a + b),
        ),
        (value) => {
          const result = safeReturnUrl(value, '/fallback');
          return result === '/fallback' || new URL(result, origin).origin === origin;
        },
      ),
      { numRuns: 2000 },
    );
  });
});
