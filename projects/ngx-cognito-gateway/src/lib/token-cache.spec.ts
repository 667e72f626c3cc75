import { FakeCognitoTokenSource, fakeJwt } from 'ngx-cognito-gateway/testing';
import { createTokenCache } from './token-cache';

const START = Date.UTC(2026, 0, 1, 12);
const bearer = { token: 'access', scheme: 'Bearer' } as const;

/** Signed in with a token that lives an hour from START (refreshed a minute before its exp). */
function setUp(options: Partial<typeof bearer> = {}) {
  const source = new FakeCognitoTokenSource();
  const cache = createTokenCache(source, { ...bearer, ...options });
  return { source, cache };
}

describe('createTokenCache', () => {
  beforeEach(() => {
    jasmine.clock().install();
    jasmine.clock().mockDate(new Date(START));
  });
  afterEach(() => jasmine.clock().uninstall());

  it('fetches once, then hands out the cached token synchronously with its header', async () => {
    const { source, cache } = setUp();
    expect(cache.fresh()).toBeUndefined();
    const token = await cache.token();
    expect(token?.value).toBe(source.currentAccessToken!);
    expect(token?.header).toBe(`Bearer ${source.currentAccessToken}`);
    expect(cache.fresh()).toBe(token!);
    expect(await cache.token()).toBe(token);
    expect(source.fetchCount).toBe(1);
  });

  it("sends the id token when configured, and the raw token with scheme ''", async () => {
    const source = new FakeCognitoTokenSource();
    const idToken = fakeJwt({ expiresInSeconds: 3600, claims: { token_use: 'id' } });
    spyOn(source, 'fetchTokens').and.resolveTo({ accessToken: 'not-this', idToken });
    const token = await createTokenCache(source, { token: 'id', scheme: '' }).token();
    expect(token?.header).toBe(idToken);
  });

  it('is null when signed out, and asks again next time', async () => {
    const source = new FakeCognitoTokenSource({ signedOut: true });
    const cache = createTokenCache(source, bearer);
    expect(await cache.token()).toBeNull();
    expect(await cache.token()).toBeNull();
    expect(source.fetchCount).toBe(2);
  });

  it('shares one call to the source among concurrent callers', async () => {
    const { source, cache } = setUp();
    const tokens = await Promise.all([cache.token(), cache.token(), cache.token()]);
    expect(new Set(tokens).size).toBe(1);
    expect(source.fetchCount).toBe(1);
  });

  it('forces a refresh once the token is due, and caches the new one', async () => {
    const { source, cache } = setUp();
    const first = await cache.token();
    jasmine.clock().tick(59 * 60_000 - 1); // one ms before refreshAt
    expect(cache.fresh()).toBe(first!);
    jasmine.clock().tick(1);
    expect(cache.fresh()).toBeUndefined();
    const second = await cache.token();
    expect(source.forceRefreshCount).toBe(1);
    expect(second?.value).not.toBe(first?.value);
    expect(cache.fresh()).toBe(second!);
  });

  it('still hands out a due token when the refresh fails, until it expires', async () => {
    const source = new FakeCognitoTokenSource();
    const session = { accessToken: fakeJwt({ expiresInSeconds: 3600 }) };
    const offline = new TypeError('Failed to fetch');
    // As Amplify: a plain fetch answers with the session it has, a forced refresh needs Cognito.
    spyOn(source, 'fetchTokens').and.callFake(async ({ forceRefresh }) => {
      if (forceRefresh) throw offline;
      return session;
    });
    const cache = createTokenCache(source, bearer);
    const first = await cache.token();
    jasmine.clock().tick(59 * 60_000); // refreshAt
    expect(await cache.token()).toEqual(first);
    jasmine.clock().tick(60_000); // exp
    await expectAsync(cache.token()).toBeRejectedWith(offline);
    expect((source.fetchTokens as jasmine.Spy).calls.allArgs()).toEqual([
      [{ forceRefresh: false }],
      [{ forceRefresh: false }],
      [{ forceRefresh: true }],
      [{ forceRefresh: false }],
      [{ forceRefresh: true }],
    ]);
  });

  it('after a rejection, shares one forced refresh among every caller', async () => {
    const { source, cache } = setUp();
    const rejected = (await cache.token())!.value;
    const replacements = await Promise.all([cache.token(rejected), cache.token(rejected)]);
    expect(source.forceRefreshCount).toBe(1);
    expect(replacements[0]).toBe(replacements[1]);
    expect(replacements[0]?.value).not.toBe(rejected);
  });

  it('after a rejection, takes a replacement that is already cached without forcing', async () => {
    const { source, cache } = setUp();
    const rejected = (await cache.token())!.value;
    const replacement = await cache.token(rejected);
    expect(await cache.token(rejected)).toBe(replacement);
    expect(source.forceRefreshCount).toBe(1);
  });

  it('caches nothing from a call under way when the tokens change (drop)', async () => {
    const { source, cache } = setUp();
    const watched: unknown[] = [];
    cache.watch((tokens) => watched.push(tokens));
    const pending = cache.token();
    cache.drop();
    expect((await pending)?.value).toBe(source.currentAccessToken!);
    expect(cache.fresh()).toBeUndefined();
    expect(watched).toEqual([]);
    await cache.token();
    expect(cache.fresh()).toBeDefined();
    expect(watched).toEqual([
      { accessToken: source.currentAccessToken, idToken: jasmine.any(String) },
    ]);
  });

  it('drops the cached token so that the next call asks the source', async () => {
    const { source, cache } = setUp();
    await cache.token();
    source.signOut();
    cache.drop();
    expect(cache.fresh()).toBeUndefined();
    expect(await cache.token()).toBeNull();
  });

  it('sends but never caches a token without a readable exp', async () => {
    const source = new FakeCognitoTokenSource({ token: 'opaque' });
    const cache = createTokenCache(source, bearer);
    expect((await cache.token())?.header).toBe('Bearer opaque');
    expect(cache.fresh()).toBeUndefined();
    await cache.token();
    expect(source.fetchCount).toBe(2);
  });

  it("measures the device clock's skew on a forced refresh, so tokens stop looking due", async () => {
    const source = new FakeCognitoTokenSource();
    // The device clock runs 10 minutes ahead of the issuer's; tokens live 5 minutes, so by the
    // device clock every token the issuer hands out has already expired.
    const issuerNow = () => Math.floor(Date.now() / 1000) - 600;
    spyOn(source, 'fetchTokens').and.callFake(async () => ({
      accessToken: fakeJwt({
        expiresInSeconds: 0,
        claims: { iat: issuerNow(), exp: issuerNow() + 300 },
      }),
    }));
    const cache = createTokenCache(source, bearer);
    expect(cache.now()).toBe(START);
    const token = await cache.token(); // due by the device clock: one forced refresh
    expect(cache.now()).toBe(START - 600_000);
    expect(cache.fresh()).toBe(token!);
    jasmine.clock().tick(60_000);
    expect(cache.fresh()).toBe(token!);
    await cache.token();
    const forced = (source.fetchTokens as jasmine.Spy).calls
      .allArgs()
      .filter(([options]) => (options as { forceRefresh: boolean }).forceRefresh);
    expect(forced.length).toBe(1);
  });
});
