import { TestBed } from '@angular/core/testing';
import { CognitoAuthConfig, CognitoSessionTokens, provideCognitoAuth } from 'ngx-cognito-gateway';
import {
  CognitoAuthTestingOptions,
  FakeCognitoTokenSource,
  fakeJwt,
  provideCognitoAuthTesting,
} from 'ngx-cognito-gateway/testing';
import { CognitoTokenService } from './token-service';

const START = Date.UTC(2026, 0, 1, 12);

/**
 * The service of a configured injector over the fake source, which answers through
 * `fetchTokens` only, as Amplify does, unless `atHand`. Signed in with a token that lives an hour
 * from START (due a minute before its exp).
 */
function setUp(
  config: Partial<CognitoAuthConfig> = {},
  testing: CognitoAuthTestingOptions = {},
  { atHand = false } = {},
) {
  TestBed.configureTestingModule({
    providers: [
      provideCognitoAuth({ allowedUrls: ['https://api.example.com'], ...config }),
      provideCognitoAuthTesting(testing),
    ],
  });
  const source = TestBed.inject(FakeCognitoTokenSource);
  if (!atHand) spyOn(source, 'currentTokens').and.returnValue(undefined);
  const tokens = TestBed.inject(CognitoTokenService);
  const sessions: (CognitoSessionTokens | null)[] = [];
  tokens.sessions.subscribe((session) => sessions.push(session));
  return { source, tokens, sessions };
}

/** Every `fetchTokens` call's `forceRefresh`, in order. */
const forced = (source: FakeCognitoTokenSource) =>
  (source.fetchTokens as jasmine.Spy).calls
    .allArgs()
    .map(([options]) => (options as { forceRefresh: boolean }).forceRefresh);

describe('CognitoTokenService', () => {
  beforeEach(() => {
    jasmine.clock().install();
    jasmine.clock().mockDate(new Date(START));
  });
  afterEach(() => jasmine.clock().uninstall());

  it('reads once, then has the token at hand (current) with its header', async () => {
    const { source, tokens } = setUp();
    expect(tokens.current()).toBeUndefined();
    const token = await tokens.get();
    expect(token?.value).toBe(source.currentAccessToken!);
    expect(token?.header).toBe(`Bearer ${source.currentAccessToken}`);
    expect(tokens.current()).toBe(token!);
    expect(await tokens.get()).toBe(token);
    expect(source.fetchCount).toBe(1);
  });

  it('takes what the source has at hand, at once, and caches it', () => {
    const { source, tokens, sessions } = setUp({}, {}, { atHand: true });
    const token = tokens.current();
    expect(token?.value).toBe(source.currentAccessToken!);
    expect(tokens.current()).toBe(token);
    expect(sessions.length).toBe(1);
    expect(source.fetchCount).toBe(0);
  });

  it('has nothing at hand for a due token at hand, or null when the source says signed out', () => {
    expect(setUp({}, { expired: true }, { atHand: true }).tokens.current()).toBeUndefined();
    TestBed.resetTestingModule();
    expect(setUp({}, { signedOut: true }, { atHand: true }).tokens.current()).toBeNull();
  });

  it("sends the id token when configured, and the raw token with scheme ''", async () => {
    const { source, tokens } = setUp({ token: 'id', scheme: '' });
    const idToken = fakeJwt({ expiresInSeconds: 3600, claims: { token_use: 'id' } });
    spyOn(source, 'fetchTokens').and.resolveTo({ accessToken: 'not-this', idToken });
    expect((await tokens.get())?.header).toBe(idToken);
  });

  it('is null when signed out, and asks again next time', async () => {
    const { source, tokens } = setUp({}, { signedOut: true });
    expect(await tokens.get()).toBeNull();
    expect(await tokens.get()).toBeNull();
    expect(source.fetchCount).toBe(2);
  });

  it('shares one read of the source among concurrent callers', async () => {
    const { source, tokens } = setUp();
    const all = await Promise.all([tokens.get(), tokens.get(), tokens.get()]);
    expect(new Set(all).size).toBe(1);
    expect(source.fetchCount).toBe(1);
  });

  it('forces a refresh once the token is due, and caches the new one', async () => {
    const { source, tokens } = setUp();
    const first = await tokens.get();
    jasmine.clock().tick(59 * 60_000 - 1); // one ms before refreshAt
    expect(tokens.current()).toBe(first!);
    jasmine.clock().tick(1);
    expect(tokens.current()).toBeUndefined();
    const second = await tokens.get();
    expect(source.forceRefreshCount).toBe(1);
    expect(second?.value).not.toBe(first?.value);
    expect(tokens.current()).toBe(second!);
  });

  it('still hands out a due token when the refresh fails, until it expires', async () => {
    const { source, tokens } = setUp();
    const session = { accessToken: fakeJwt({ expiresInSeconds: 3600 }) };
    const offline = new TypeError('Failed to fetch');
    // As Amplify: a plain read answers with the session it has, a forced refresh needs Cognito.
    spyOn(source, 'fetchTokens').and.callFake(async ({ forceRefresh }) => {
      if (forceRefresh) throw offline;
      return session;
    });
    const first = await tokens.get();
    jasmine.clock().tick(59 * 60_000); // refreshAt
    expect(await tokens.get()).toEqual(first);
    jasmine.clock().tick(60_000); // exp
    await expectAsync(tokens.get()).toBeRejectedWith(offline);
    expect(forced(source)).toEqual([false, false, true, false, true]);
  });

  describe('refreshAfterRejection', () => {
    it('shares one forced refresh among every caller', async () => {
      const { source, tokens } = setUp();
      const rejected = (await tokens.get())!.value;
      const replacements = await Promise.all([
        tokens.refreshAfterRejection(rejected),
        tokens.refreshAfterRejection(rejected),
      ]);
      expect(source.forceRefreshCount).toBe(1);
      expect(replacements[0]).toBe(replacements[1]);
      expect(replacements[0]?.value).not.toBe(rejected);
      expect(tokens.current()).toBe(replacements[0]!);
    });

    it('takes a replacement that is already cached without forcing', async () => {
      const { source, tokens } = setUp();
      const rejected = (await tokens.get())!.value;
      const replacement = await tokens.refreshAfterRejection(rejected);
      expect(await tokens.refreshAfterRejection(rejected)).toBe(replacement);
      expect(source.forceRefreshCount).toBe(1);
    });

    it('is null when the refresh finds the user signed out, and rejects when it fails', async () => {
      const { source, tokens } = setUp();
      const rejected = (await tokens.get())!.value;
      const spy = spyOn(source, 'fetchTokens').and.resolveTo(null);
      expect(await tokens.refreshAfterRejection(rejected)).toBeNull();
      const refused = new Error('Refresh Token has been revoked');
      spy.and.rejectWith(refused);
      await expectAsync(tokens.refreshAfterRejection(rejected)).toBeRejectedWith(refused);
    });
  });

  it('reads again when the tokens change during a read, and caches only the session as it is now', async () => {
    const { source, tokens, sessions } = setUp();
    const pending = tokens.get(); // reads the first token
    const next = fakeJwt({ expiresInSeconds: 3600 });
    source.signIn(next); // changed meanwhile: drop()
    expect((await pending)?.value).toBe(next);
    expect(tokens.current()?.value).toBe(next);
    expect(source.fetchCount).toBe(2);
    expect(source.forceRefreshCount).toBe(0);
    expect(sessions.map((session) => session?.accessToken)).toEqual([next]);
  });

  it('answers signed out to a read under way when another tab signs out', async () => {
    const { source, tokens } = setUp();
    const pending = tokens.get();
    source.signOut({ inAnotherTab: true });
    expect(await pending).toBeNull();
  });

  it('gives up reading again after three changes in a row, caching nothing', async () => {
    const { source, tokens } = setUp();
    spyOn(source, 'fetchTokens').and.callFake(async () => {
      tokens.drop(); // a change during every read
      return { accessToken: fakeJwt({ expiresInSeconds: 3600 }) };
    });
    expect(await tokens.get()).not.toBeNull();
    expect(source.fetchTokens).toHaveBeenCalledTimes(3);
    expect(tokens.current()).toBeUndefined();
  });

  it("drops the cached token on the source's auth events, so the next call asks it", async () => {
    const { source, tokens, sessions } = setUp();
    await tokens.get();
    source.signOut();
    expect(tokens.current()).toBeUndefined();
    expect(await tokens.get()).toBeNull();
    expect(sessions.at(-1)).toBeNull();
  });

  it('publishes every session it reads, refreshes included', async () => {
    const { source, tokens, sessions } = setUp();
    const first = (await tokens.get())!.value;
    await tokens.refreshAfterRejection(first);
    expect(sessions.map((session) => session?.accessToken)).toEqual([
      first,
      source.currentAccessToken!,
    ]);
  });

  it('sends but never caches a token without a readable exp', async () => {
    const { source, tokens } = setUp({}, { token: 'opaque' });
    expect((await tokens.get())?.header).toBe('Bearer opaque');
    expect(tokens.current()).toBeUndefined();
    await tokens.get();
    expect(source.fetchCount).toBe(2);
  });

  it("measures the device clock's skew on a forced refresh, so tokens stop looking due", async () => {
    const { source, tokens } = setUp();
    // The device clock runs 10 minutes ahead of the issuer's; tokens live 5 minutes, so by the
    // device clock every token the issuer hands out has already expired.
    const issuerNow = () => Math.floor(Date.now() / 1000) - 600;
    spyOn(source, 'fetchTokens').and.callFake(async () => ({
      accessToken: fakeJwt({
        expiresInSeconds: 0,
        claims: { iat: issuerNow(), exp: issuerNow() + 300 },
      }),
    }));
    expect(tokens.now()).toBe(START);
    const token = await tokens.get(); // due by the device clock: one forced refresh
    // `iat` has whole seconds: the issuer's clock was somewhere in [iat, iat + 1 s), so the device
    // is known to run at least 599 s ahead.
    expect(tokens.now()).toBe(START - 599_000);
    expect(tokens.current()).toBe(token!);
    jasmine.clock().tick(60_000);
    expect(tokens.current()).toBe(token!);
    await tokens.get();
    expect(forced(source)).toEqual([false, true]);
  });

  it("takes less than iat's second of rounding for no skew", async () => {
    const { source, tokens } = setUp({}, { expired: true });
    jasmine.clock().tick(999); // the token was issued 999 ms ago by the device's clock
    spyOn(source, 'fetchTokens').and.callFake(async ({ forceRefresh }) => ({
      accessToken: forceRefresh
        ? fakeJwt({ expiresInSeconds: 60, claims: { iat: Math.floor(START / 1000) } })
        : fakeJwt({ expiresInSeconds: -60 }),
    }));
    await tokens.get();
    expect(forced(source)).toEqual([false, true]);
    expect(tokens.now()).toBe(Date.now());
  });
});
